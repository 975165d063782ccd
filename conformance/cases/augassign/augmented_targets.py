# Augmented assignment to attributes, subscripts and slices evaluates targets once.
log = []
class Box:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        log.append("get")
        return self._v
    @v.setter
    def v(self, value):
        log.append(f"set {value}")
        self._v = value
b = Box()
b.v += 10
print(b.v, log)
class Seq:
    def __init__(self):
        self.data = [1, 2, 3]
    def __getitem__(self, i):
        log.append(f"getitem {i}")
        return self.data[i]
    def __setitem__(self, i, v):
        log.append(f"setitem {i}={v}")
        self.data[i] = v
def index():
    log.append("index evaluated")
    return 1
log.clear()
s = Seq()
s[index()] *= 5
print(s.data, log)
lst = [1, 2, 3, 4]
lst[1:3] += ["x"]
print(lst)
d = {}
try:
    d["missing"] += 1
except KeyError as e:
    print("KeyError:", e)
g = 0
def bump():
    global g
    g += 1
bump(); bump()
print(g)
for src in ["a, b += 1", "f() += 1", "[a] += [1]", "a.b += 1"]:
    try:
        compile(src, "<aug>", "exec")
        print("ok:", src)
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
