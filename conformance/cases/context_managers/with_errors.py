# Errors in the with protocol itself: missing methods, failing __enter__ and __exit__.
class NoEnter:
    def __exit__(self, *a):
        return False
class NoExit:
    def __enter__(self):
        return self
for obj in [NoEnter(), NoExit(), 42]:
    try:
        with obj:
            print("not reached")
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
class FailEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("exit is not called")
try:
    with FailEnter():
        pass
except RuntimeError as e:
    print("caught", e)
class FailExit:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        raise OSError("exit failed")
try:
    with FailExit():
        raise ValueError("body failed")
except OSError as e:
    print("caught", e, "context:", repr(e.__context__))
class Truthy:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return "non-empty string is true"
with Truthy():
    raise ZeroDivisionError
print("truthy __exit__ result suppresses")
