# with A() as a, B() as b: if B's __enter__ fails, A's __exit__ still runs; exits run in reverse.
log = []
class CM:
    def __init__(self, name, fail_enter=False, suppress=False):
        self.name, self.fail_enter, self.suppress = name, fail_enter, suppress
    def __enter__(self):
        log.append(f"enter {self.name}")
        if self.fail_enter:
            raise RuntimeError(f"{self.name} could not enter")
        return self.name
    def __exit__(self, et, ev, tb):
        log.append(f"exit {self.name} ({et.__name__ if et else 'ok'})")
        return self.suppress
try:
    with CM("a") as a, CM("b", fail_enter=True) as b, CM("c") as c:
        log.append("body")
except RuntimeError as e:
    log.append(f"caught: {e}")
print(log)
log.clear()
with CM("outer", suppress=True), CM("inner"):
    raise KeyError("in body")
print(log)
log.clear()
def targets():
    log.append("evaluating context expression 1")
    return CM("x")
with targets() as x, (log.append("evaluating context expression 2") or CM("y")) as y:
    log.append(f"body with {x} {y}")
print(log)
