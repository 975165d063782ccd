# finally runs on every exit path and can replace the in-flight exception.
log = []
def f(mode):
    try:
        if mode == "raise":
            raise ValueError(mode)
        if mode == "return":
            return "returned"
        log.append("body done")
    except ValueError:
        log.append("handled")
        return "from except"
    else:
        log.append("else")
    finally:
        log.append(f"finally({mode})")
for m in ["normal", "raise", "return"]:
    print(m, f(m), log)
    log.clear()
def replace():
    try:
        raise KeyError("original")
    finally:
        raise ValueError("replacement")
try:
    replace()
except ValueError as e:
    print(repr(e), repr(e.__context__))
def nested():
    try:
        try:
            raise TypeError("t")
        finally:
            print("inner finally")
    except TypeError:
        print("caught outside")
    finally:
        print("outer finally")
nested()
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
import gc
for x in gen():
    print("got", x)
    break
gc.collect()  # an abandoned generator runs its finally when collected
print("after loop")
