# Rich comparison fallback order across unrelated types, subclass priority and identity fallbacks for == / !=.
log = []
class A:
    def __eq__(self, o):
        log.append("A.eq"); return NotImplemented
    def __lt__(self, o):
        log.append("A.lt"); return NotImplemented
class B:
    def __eq__(self, o):
        log.append("B.eq"); return NotImplemented
    def __gt__(self, o):
        log.append("B.gt"); return NotImplemented
a, b = A(), B()
print("a == b:", a == b, log); log.clear()
print("a == a (identity fallback after NotImplemented):", a == a, log); log.clear()
print("a != b:", a != b, log); log.clear()
try:
    a < b
except TypeError as e:
    print("a < b:", e, log); log.clear()
class Base:
    def __eq__(self, o):
        log.append("Base.eq"); return "base"
class Derived(Base):
    def __eq__(self, o):
        log.append("Derived.eq"); return "derived"
print("Base() == Derived():", Base() == Derived(), log); log.clear()
print("Derived() == Base():", Derived() == Base(), log); log.clear()
class Same(Base):
    pass
print("subclass without override does not get priority:", Base() == Same(), log); log.clear()
class OnlyGe:
    def __ge__(self, o):
        return "ge"
print("<= reflected to __ge__:", 1 <= OnlyGe())
print("no automatic < from > etc:", end=" ")
try:
    OnlyGe() < 1
except TypeError as e:
    print(e)
