# Generator cleanup when an iterator is abandoned by a consumer: close(), finally blocks, and with statements.
events = []
def resource(name):
    events.append(f"open {name}")
    try:
        for i in range(5):
            yield i
    finally:
        events.append(f"close {name}")
g = resource("a")
print("first:", next(g), next(g))
g.close()
print("after close():", events, next(g, "exhausted"))
events.clear()
for x in resource("b"):
    if x == 1:
        break
print("break leaves the generator suspended (when it is finalized is implementation-defined):", events[:1])
events.clear()
from contextlib import closing
with closing(resource("c")) as r:
    for x in r:
        if x == 2:
            break
print("closing() runs finally deterministically:", events)
events.clear()
list(resource("d"))
print("exhaustion runs finally:", events)
def catches():
    try:
        yield 1
    except GeneratorExit:
        events.append("GeneratorExit seen")
        raise
events.clear()
c = catches()
next(c)
c.close()
print("GeneratorExit delivered:", events)
def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad()
next(b)
try:
    b.close()
except RuntimeError as e:
    print("yield during close:", e)
