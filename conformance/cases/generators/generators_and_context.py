# Generators holding resources inside with blocks and try/finally, closed in different ways.
log = []
class Res:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        log.append(f"open {self.n}")
        return self
    def __exit__(self, et, ev, tb):
        log.append(f"close {self.n} ({et.__name__ if et else 'normal'})")
def lines(n):
    with Res(n):
        for i in range(3):
            yield f"{n}:{i}"
print(list(lines("a")), log)
log.clear()
g = lines("b")
next(g)
g.close()
print(log)
log.clear()
g = lines("c")
next(g)
try:
    g.throw(ValueError("abort"))
except ValueError:
    pass
print(log)
log.clear()
def consumer():
    for line in lines("d"):
        if line.endswith("1"):
            return line
result = consumer()
import gc
gc.collect()  # the abandoned generator is closed when collected; observe after that
print(result, log)
