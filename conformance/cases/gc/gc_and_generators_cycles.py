# Generators in reference cycles are collected and their finally blocks run.
import gc
log = []
def gen(owner):
    try:
        yield owner
        yield "never"
    finally:
        log.append("generator finally")
class Owner:
    def __init__(self):
        self.g = gen(self)
        next(self.g)
o = Owner()
del o
for _ in range(5):
    gc.collect()
    if log:
        break
print(log)
log.clear()
def self_ref():
    me = yield
    try:
        yield "holding itself"
    finally:
        log.append("self-referencing generator closed")
g = self_ref()
next(g)
g.send(g)
del g
for _ in range(5):
    gc.collect()
    if log:
        break
print(log)
