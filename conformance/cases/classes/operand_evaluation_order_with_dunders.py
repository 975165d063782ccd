# Order in which operands are evaluated and special methods are invoked in compound expressions.
log = []
class N:
    def __init__(self, name, v):
        self.name, self.v = name, v
    def __add__(self, o):
        log.append(f"{self.name}+{o.name}"); return N(f"({self.name}+{o.name})", self.v + o.v)
    def __mul__(self, o):
        log.append(f"{self.name}*{o.name}"); return N(f"({self.name}*{o.name})", self.v * o.v)
    def __pow__(self, o):
        log.append(f"{self.name}**{o.name}"); return N(f"({self.name}**{o.name})", self.v ** o.v)
    def __lt__(self, o):
        log.append(f"{self.name}<{o.name}"); return self.v < o.v
    def __neg__(self):
        log.append(f"-{self.name}"); return N(f"-{self.name}", -self.v)
def mk(name, v):
    log.append(f"eval {name}")
    return N(name, v)
r = mk("a", 1) + mk("b", 2) * mk("c", 3)
print(r.name, r.v, log); log.clear()
r = mk("a", 2) ** mk("b", 3) ** mk("c", 2)
print(r.name, r.v, log); log.clear()
r = -mk("a", 2) ** mk("b", 2)
print(r.name, r.v, log); log.clear()
r = mk("a", 1) < mk("b", 2) < mk("c", 0)
print("chain:", r, log); log.clear()
r = (mk("a", 1) + mk("b", 1)) * (mk("c", 2) + mk("d", 2))
print(r.name, r.v, log); log.clear()
def f(*args):
    return [a.name for a in args]
print("call args left to right:", f(mk("x", 0), mk("y", 0), *[mk("z", 0)]), log); log.clear()
d = {mk("k1", 0).name: mk("v1", 0).name, mk("k2", 0).name: mk("v2", 0).name}
print("dict display order:", log); log.clear()
