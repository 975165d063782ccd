# iter() and next(): sentinel form, defaults, and errors.
it = iter([1, 2])
print("next:", next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration args:", e.args)
values = iter([3, 2, 1, 0, 5])
print("sentinel form:", list(iter(lambda: next(values), 0)))
print("after sentinel, rest remains:", list(values))
count = [0]
def tick():
    count[0] += 1
    return count[0]
print("sentinel with counter:", list(iter(tick, 4)))
import io
f = io.StringIO("a\nb\n\nc\n")
print("readline sentinel:", list(iter(f.readline, "\n")))
for label, fn in [
    ("iter(5)", lambda: iter(5)),
    ("iter(5, 0)", lambda: iter(5, 0)),
    ("iter()", lambda: iter()),
    ("next(5)", lambda: next(5)),
    ("next([])", lambda: next([])),
    ("next()", lambda: next()),
    ("iter([], 1, 2)", lambda: iter([], 1, 2)),
]:
    try:
        print(label, "->", fn())
    except TypeError as e:
        print(label, "-> TypeError:", e)
class Seq:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i * 10
print("old-style sequence iteration:", list(iter(Seq())))
cs = iter(lambda: 1, 1)
print("callable sentinel immediately:", list(cs), next(cs, "exhausted"))
