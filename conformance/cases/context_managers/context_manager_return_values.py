# The value bound by 'as' is __enter__'s return, not the manager; __exit__'s truthiness matters.
class ReturnsOther:
    def __enter__(self):
        return "something else"
    def __exit__(self, *a):
        return None
class ReturnsSelf:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return 0
m = ReturnsOther()
with m as v:
    print(v, v is m)
s = ReturnsSelf()
with s as v:
    print(v is s)
for ret in [None, 0, "", [], 1, "yes", [0]]:
    class Exit:
        def __enter__(self):
            return self
        def __exit__(self, *a, ret=ret):
            return ret
    try:
        with Exit():
            raise ValueError
        print(repr(ret), "suppressed")
    except ValueError:
        print(repr(ret), "propagated")
