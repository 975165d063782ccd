# locals(), vars() and globals() snapshots and their behaviour.
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
def g():
    x = 1
    snap = locals()
    x = 2
    return snap['x'], locals()['x']
print(g())
class K:
    p = 1
    q = sorted(k for k in locals() if not k.startswith('__'))
print(K.q)
class Obj:
    def __init__(self):
        self.a = 1
        self.b = 2
print(vars(Obj()))
try:
    vars(42)
except TypeError as e:
    print("TypeError:", e)
print(globals() is vars(), '__name__' in globals(), __name__)
def nested():
    v = 'seen'
    def inner():
        return sorted(locals())
    def inner2():
        v
        return sorted(locals())
    return inner(), inner2()
print(nested())
