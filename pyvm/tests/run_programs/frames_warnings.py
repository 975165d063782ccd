# gc-stress-interval: 200
# warnings.warn(stacklevel=...) and logging-style caller lookup read frames;
# sys.excepthook receives the traceback.
import os
import sys
import warnings


def report(message, category, filename, lineno, file=None, line=None):
    text = warnings.formatwarning(message, category, os.path.basename(filename), lineno, line)
    print("warning:", text, end="")


warnings.showwarning = report
warnings.simplefilter("always")


def deprecated_api():
    warnings.warn("use new_api", DeprecationWarning, stacklevel=2)


def user_code():
    deprecated_api()


def deeper():
    warnings.warn("three up", UserWarning, stacklevel=3)


def level2():
    deeper()


user_code()
level2()
warnings.warn("module level")
warnings.warn("too far", RuntimeWarning, stacklevel=50)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    user_code()
print("recorded:", [(os.path.basename(w.filename), w.lineno, str(w.message)) for w in caught])


# What logging's findCaller does: walk f_back past the logging frames.
def find_caller(stacklevel=1):
    f = sys._getframe(1)
    while stacklevel > 0:
        nxt = f.f_back
        if nxt is None:
            break
        f = nxt
        stacklevel -= 1
    co = f.f_code
    return os.path.basename(co.co_filename), f.f_lineno, co.co_name


def log(msg, stacklevel=1):
    return find_caller(stacklevel), msg


def app():
    return log("hello"), log("up", stacklevel=2)


print("caller:", app())
print("module caller:", log("top"))


def hook(exc_type, exc, tb):
    frames = []
    while tb is not None:
        frames.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print("hook:", exc_type.__name__, exc, frames, file=sys.stderr)


sys.excepthook = hook


def crash():
    raise LookupError("uncaught")


crash()
