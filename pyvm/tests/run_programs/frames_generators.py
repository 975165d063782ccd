# Frames of generators and coroutines: gi_frame/cr_frame follow the frame
# between the generator and the frame stack.
import sys


def where(fr):
    return None if fr is None else f"{fr.f_code.co_name}:{fr.f_lineno}"


def gen(a):
    b = a + 1
    me = sys._getframe()
    yield b
    print("  running:", g.gi_running, g.gi_frame is me, where(me.f_back))
    c = b * 2
    yield c
    return "done"


g = gen(1)
fr = g.gi_frame
print("created:", where(fr), fr.f_locals, fr.f_back, g.gi_running, g.gi_code.co_name)
print("same object:", g.gi_frame is fr)
print("first:", next(g), where(fr), sorted(fr.f_locals), fr.f_back)


def resume():
    return next(g)


print("second:", resume(), where(fr), fr.f_locals["c"])
try:
    next(g)
except StopIteration as e:
    print("stop:", e.value)
print("finished:", g.gi_frame, where(fr), sorted(fr.f_locals), fr.f_back)

# An exception raised in a generator: the traceback's frame is gi_frame's.
def failing():
    x = "local"
    yield 1
    raise KeyError("k")


h = failing()
hf = h.gi_frame
next(h)
try:
    next(h)
except KeyError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        last = tb
        tb = tb.tb_next
    print("traceback:", names)
    print("tb_frame is gi_frame:", last.tb_frame is hf, last.tb_frame.f_locals)
print("gi_frame after error:", h.gi_frame)

# Closing a generator through its frame.
def closing():
    try:
        yield 1
        yield 2
    finally:
        print("  finally ran")


c = closing()
next(c)
c.gi_frame.clear()
print("cleared generator:", c.gi_frame, list(c))

# A generator closed before it started: its frame keeps its arguments.
def never(p, q=5):
    yield p + q


n = never(1)
nf = n.gi_frame
n.close()
print("closed unstarted:", n.gi_frame, nf.f_locals, nf.f_lineno)

# Coroutines driven by hand.
async def coro(v):
    w = v * 10
    await Awaitable()
    return w


class Awaitable:
    def __await__(self):
        fr = sys._getframe(1)
        print("  awaited from:", fr.f_code.co_name, fr is cor.cr_frame)
        yield "suspended"


cor = coro(4)
cf = cor.cr_frame
print("coroutine:", cf.f_code.co_name, cf.f_locals, cor.cr_running)
print("send:", cor.send(None), where(cf), cf.f_locals)
try:
    cor.send(None)
except StopIteration as e:
    print("coroutine result:", e.value, cor.cr_frame)

# Async generators.
async def agen():
    yield 1


ag = agen()
print("async generator frame:", ag.ag_frame.f_code.co_name, ag.ag_running)

# yield from: the delegate runs above its delegator.
def sub():
    yield [where(f) for f in (sys._getframe(), sys._getframe(1), sys._getframe(2))]


def delegator():
    yield from sub()


print("yield from:", next(delegator()))
