# Special methods returning the wrong type are reported by the builtins calling them.
class S:
    def __str__(self):
        return 5
class R:
    def __repr__(self):
        return None
class I:
    def __index__(self):
        return "x"
class H:
    def __hash__(self):
        return "h"
class F:
    def __float__(self):
        return 1
class N:
    def __int__(self):
        return 1.5
class B:
    def __bytes__(self):
        return "s"
class Fmt:
    def __format__(self, spec):
        return 3
tries = [lambda: str(S()), lambda: repr(R()), lambda: [1, 2][I()], lambda: hash(H()), lambda: float(F()),
         lambda: int(N()), lambda: bytes(B()), lambda: format(Fmt()), lambda: f"{Fmt()}", lambda: range(I())]
for t in tries:
    try:
        print("ok:", repr(t()))
    except TypeError as e:
        print("TypeError:", e)
class F3:
    def __float__(self):
        return 2.5
print(float(F3()), int(float(F3())))
