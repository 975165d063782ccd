# dataclass hash/eq generation rules: eq, frozen, unsafe_hash, and explicit __hash__.
from dataclasses import dataclass, field
@dataclass
class Plain:
    a: int
@dataclass(frozen=True)
class Frozen:
    a: int
@dataclass(eq=False)
class NoEq:
    a: int
@dataclass(unsafe_hash=True)
class Unsafe:
    a: int
    b: list = field(default_factory=list, hash=False, compare=False)
@dataclass
class Explicit:
    a: int
    def __hash__(self):
        return 42
for cls in (Plain, Frozen, NoEq, Unsafe, Explicit):
    h = cls.__dict__.get("__hash__", "inherited")
    kind = "None" if h is None else ("inherited" if h == "inherited" else "defined")
    x, y = cls(1), cls(1)
    try:
        hv = hash(x) == hash(y)
    except TypeError as e:
        hv = f"TypeError: {e}"
    print(f"{cls.__name__:9} __hash__={kind:9} equal-instances-equal-hash={hv} eq={x == y}")
print("frozen in set dedups:", len({Frozen(1), Frozen(1), Frozen(2)}))
print("NoEq uses identity:", NoEq(1) == NoEq(1))
print("Explicit keeps user hash:", hash(Explicit(5)))
print("unsafe_hash ignores hash=False fields:", hash(Unsafe(1, [1])) == hash(Unsafe(1, [2])))
@dataclass(order=True, frozen=True)
class Ver:
    major: int
    minor: int = 0
print("ordering + sort:", sorted({Ver(1, 2), Ver(1), Ver(0, 9)}))
try:
    @dataclass(order=True)
    class Bad:
        a: int
        def __lt__(self, other):
            return True
except TypeError as e:
    print("order with explicit __lt__:", e)
