# += on globals and nonlocals, and the UnboundLocalError trap without declarations.
total = 0
def add_global(v):
    global total
    total += v
def broken(v):
    try:
        total += v
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
add_global(5); add_global(6)
print(total, broken(1))
def make():
    acc = ""
    def add(s):
        nonlocal acc
        acc += s
        return acc
    return add
a = make()
a("x"); a("y")
print(a("z"))
class Counter:
    count = 0
    def inc(self):
        self.count += 1
        return self.count
c1, c2 = Counter(), Counter()
c1.inc(); c1.inc(); c2.inc()
print(Counter.count, c1.count, c2.count, "count" in vars(c1))
Counter.count += 10
print(Counter.count, Counter().count)
