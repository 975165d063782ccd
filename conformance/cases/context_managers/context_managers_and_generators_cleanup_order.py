# Nested managers inside a generator unwind innermost-first when the generator is closed.
log = []
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        log.append(f"enter {self.name}")
    def __exit__(self, et, ev, tb):
        log.append(f"exit {self.name} ({et.__name__ if et else 'ok'})")
def gen():
    with CM("outer"):
        for i in range(3):
            with CM(f"inner{i}"):
                yield i
g = gen()
print(next(g), next(g))
g.close()
print(log)
log.clear()
print(list(gen()))
print(log)
