# and/or/not return operands, short-circuit, and work with any truthy values.
def t(v):
    print("eval", repr(v))
    return v
print(t(0) and t(1))
print(t(2) and t(3))
print(t("") or t("default"))
print(t("x") or t("never"))
print(not [], not [0], not None, not "0")
print([] or {} or 0 or None, 1 and "a" and [0])
print(repr(False or 0), repr(0 or False), repr(0 and False), repr(False and 0))
print(None and 1 / 0, 1 or 1 / 0)
class Truthy:
    def __bool__(self):
        print("__bool__ called")
        return True
class Sized:
    def __len__(self):
        return 0
print(Truthy() and "yes", Sized() or "empty sized object is falsy")
