# with blocks inside loops and generators: __exit__ on break, continue, return and close.
log = []
class CM:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        log.append(f"enter{self.n}")
    def __exit__(self, *a):
        log.append(f"exit{self.n}")
for i in range(4):
    with CM(i):
        if i == 1:
            continue
        if i == 2:
            break
print(log)
log.clear()
def gen():
    with CM("g"):
        yield 1
        yield 2
g = gen()
next(g)
print(log)
g.close()
print(log)
log.clear()
def early():
    for i in range(3):
        with CM(i):
            if i == 1:
                return "returned"
print(early(), log)
log.clear()
try:
    with CM("outer"):
        with CM("inner"):
            raise RuntimeError
except RuntimeError:
    pass
print(log)
