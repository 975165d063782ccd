# Frame objects from sys._getframe: f_back chains, lines, code, locals.
import sys


def show(fr):
    code = fr.f_code
    return f"{code.co_name}:{fr.f_lineno}"


def chain(fr):
    out = []
    while fr is not None:
        out.append(show(fr))
        fr = fr.f_back
    return out


def inner(a, b=2):
    c = a + b
    fr = sys._getframe()
    print("same object:", fr is sys._getframe(), sys._getframe(0) is fr)
    print("chain:", chain(fr))
    print("caller:", show(sys._getframe(1)), show(sys._getframe(2)))
    print("f_back is caller:", fr.f_back is sys._getframe(1))
    print("locals:", sorted(fr.f_locals.items(), key=lambda kv: kv[0] if kv[0] != "fr" else "~")[:3])
    print("f_locals stable:", fr.f_locals is fr.f_locals)
    d = 4
    print("refreshed:", sorted(k for k in fr.f_locals))
    return fr


def middle():
    x = "middle"
    return inner(1)


fr = middle()
print("after return:", show(fr), fr.f_back.f_code.co_name, fr.f_back.f_back is sys._getframe())
print("captured locals:", sorted(fr.f_locals))
print("captured values:", fr.f_locals["a"], fr.f_locals["c"], fr.f_locals["d"])

# f_code is the function's code object.
code = fr.f_code
print("code:", code is inner.__code__, code.co_name, code.co_qualname, code.co_argcount,
      code.co_varnames, code.co_firstlineno, code.co_filename.endswith("frames_getframe.py"))
print("flags are an int:", isinstance(code.co_flags, int))

# Module level.
top = sys._getframe()
print("module frame:", top.f_code.co_name, top.f_back, top.f_locals is globals(),
      top.f_globals is globals())
print("builtins:", top.f_builtins["len"] is len, top.f_trace)
print("lasti is an int:", isinstance(top.f_lasti, int))


# Closures: cell and free variables appear in f_locals.
def outer():
    cell = "cell"
    def inner2():
        free = cell
        return sys._getframe()
    f = inner2()
    return f, sys._getframe()


f_in, f_out = outer()
print("free var:", sorted(f_in.f_locals.items()))
print("cell var:", sorted(k for k in f_out.f_locals))


# Class bodies: f_locals is the class namespace.
class K:
    attr = 1
    frame = sys._getframe()
    ns_is_locals = frame.f_locals is locals()


print("class body:", K.frame.f_code.co_name, K.ns_is_locals, "attr" in K.frame.f_locals)

# Natives have no frames: a key function's caller is the Python caller.
def key(v):
    key.seen = show(sys._getframe(1))
    return v


def sorter():
    return sorted([3, 1, 2], key=key)


sorter()
print("through sorted():", key.seen)

# Lines of frames up the stack are the lines of the calls in progress.
def deep(n):
    if n == 0:
        return [f.f_lineno for f in iter_frames(sys._getframe())]
    return deep(n - 1)


def iter_frames(f):
    while f is not None:
        yield f
        f = f.f_back


print("deep lines:", deep(3))

# Errors.
try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError:", e)
try:
    sys._getframe("1")
except TypeError as e:
    print("TypeError:", e)
try:
    sys._getframe(1, 2)
except TypeError as e:
    print("TypeError:", e)
print("negative depth:", sys._getframe(-3) is sys._getframe())
try:
    sys._getframe().clear()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    fr.no_such
except AttributeError as e:
    print("AttributeError:", e)

# A finished frame can be cleared; its locals are gone.
fr.clear()
print("cleared:", fr.f_locals)
print("type:", type(fr).__name__, type(fr).__module__, type(fr) is type(sys._getframe()))
r = repr(sys._getframe())
at = r.index(" at 0x")
r = r[:at] + " at ADDR" + r[r.index(",", at):]
print("repr:", r.replace(repr(__file__)[1:-1], "FILE"))

# Traceback objects can be made and relinked (tb_next is writable).
try:
    raise ValueError
except ValueError as e:
    tb = e.__traceback__
TracebackType = type(tb)
t2 = TracebackType(None, sys._getframe(), 4, 9)
print("new traceback:", t2.tb_lineno, t2.tb_lasti, t2.tb_frame is sys._getframe(), t2.tb_next)
tb.tb_next = t2
print("relinked:", tb.tb_next is t2)
t3 = TracebackType(tb_next=None, tb_frame=sys._getframe(), tb_lasti=0, tb_lineno=3)
print("keywords:", t3.tb_lineno)
for bad in [(1, sys._getframe(), 0, 0), (None, 1, 0, 0), (None, sys._getframe(), "a", 0), ()]:
    try:
        TracebackType(*bad)
    except TypeError as x:
        print("TypeError:", x)
for target, value in [(t2, tb), (tb, 5)]:
    try:
        target.tb_next = value
    except (TypeError, ValueError) as x:
        print(type(x).__name__ + ":", x)
try:
    tb.tb_lineno = 5
except AttributeError as x:
    print("AttributeError:", x)
try:
    del tb.tb_next
except TypeError as x:
    print("TypeError:", x)
