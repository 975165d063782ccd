# Two-argument iter(callable, sentinel): reading fixed-size blocks, polling a queue, and the sentinel comparison rule.
import io, functools
stream = io.BytesIO(b"abcdefghij")
blocks = list(iter(functools.partial(stream.read, 4), b""))
print("fixed-size blocks:", blocks)
queue = [3, 2, 1, None, 7]
def poll():
    return queue.pop(0)
print("poll until None:", list(iter(poll, None)), "left:", queue)
class EqAll:
    def __eq__(self, other):
        return True
values = iter([5, 6, 7])
print("sentinel compared with ==:", list(iter(lambda: next(values), EqAll())))
calls = []
def f():
    calls.append(1)
    return len(calls)
it = iter(f, 3)
before = len(calls)
first = next(it)
after_first = len(calls)
rest = list(it)
print("lazy calls:", before, first, after_first, rest, len(calls))
print("exhausted callable iterator stays exhausted:", next(it, "done"), len(calls))
def raises():
    raise StopIteration
print("StopIteration from callable ends iteration:", list(iter(raises, 0)))
lines = io.StringIO("one\ntwo\n\nthree\n")
print("readline until blank:", [l.strip() for l in iter(lines.readline, "\n")], "rest:", lines.read().split())
