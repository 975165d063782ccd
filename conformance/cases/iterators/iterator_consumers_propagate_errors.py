# Every consumer of an iterator propagates an exception raised by __next__ and stops at StopIteration.
class Flaky:
    def __init__(self, fail_at):
        self.i, self.fail_at = 0, fail_at
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i == self.fail_at:
            raise ValueError(f"fail at {self.i}")
        if self.i > 4:
            raise StopIteration
        return self.i
consumers = {
    "list": list, "tuple": tuple, "set": lambda it: sorted(set(it)), "sorted": sorted, "sum": sum,
    "max": max, "min": min, "any(x>9)": lambda it: any(x > 9 for x in it), "join": lambda it: ",".join(map(str, it)),
    "dict(enumerate)": lambda it: dict(enumerate(it)), "unpack": lambda it: [*it], "star call": lambda it: (lambda *a: a)(*it),
    "for": lambda it: [x for x in it], "in": lambda it: 99 in it, "zip": lambda it: list(zip(it, "abcdef")),
    "bytes": bytes, "bytearray": bytearray, "frozenset": lambda it: sorted(frozenset(it)),
}
for name, fn in consumers.items():
    ok = fn(Flaky(fail_at=0))
    try:
        fn(Flaky(fail_at=3))
        failed = "no error"
    except ValueError as e:
        failed = f"ValueError({e})"
    print(f"{name:16} ok={ok!r:30} failing={failed}")
a, b, *rest = Flaky(0)
print("unpack assignment:", a, b, rest)
try:
    a, b = Flaky(0)
except ValueError as e:
    print("unpack count error:", e)
