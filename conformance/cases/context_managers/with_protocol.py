# The with statement: __enter__/__exit__ order, return values, exception details.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return f"value-{self.name}"
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc, tb is not None)
        return self.suppress
with CM("a") as v:
    print("body", v)
with CM("outer"), CM("inner") as i:
    print("nested body", i)
with CM("swallow", suppress=True):
    raise ValueError("suppressed")
print("continued after suppression")
try:
    with CM("pass-through"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))
def early():
    with CM("return"):
        return "returned"
print(early())
for i in range(2):
    with CM(f"loop{i}"):
        if i == 0:
            continue
        break
with (CM("p1") as a,
      CM("p2") as b):
    print(a, b)
