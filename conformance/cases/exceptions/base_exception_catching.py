# Catching BaseException subclasses: KeyboardInterrupt, GeneratorExit and bare except.
def raise_it(exc):
    try:
        raise exc
    except Exception:
        return "caught by Exception"
    except BaseException as e:
        return f"only BaseException caught {type(e).__name__}"
for exc in [KeyboardInterrupt, SystemExit, GeneratorExit, ValueError, StopIteration, BaseExceptionGroup("g", [KeyboardInterrupt()])]:
    print(raise_it(exc))
try:
    raise KeyboardInterrupt
except:
    print("bare except catches KeyboardInterrupt too")
import sys
try:
    raise RuntimeError("r")
except:
    print("bare except, exc_info:", sys.exc_info()[0].__name__)
class MyBase(BaseException):
    pass
try:
    try:
        raise MyBase("custom base")
    except Exception:
        print("not here")
except BaseException as e:
    print("custom BaseException subclass:", repr(e))
