# Generator-based pipelines driven by send: a running average and a grep filter.
def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            return count, avg
        total += value
        count += 1
        avg = total / count
a = averager()
next(a)
for v in [10, 20, 30, 45]:
    print("average", a.send(v))
try:
    a.send(None)
except StopIteration as e:
    print("result", e.value)
def printer():
    while True:
        line = yield
        print("printer:", line)
def grep(pattern, target):
    while True:
        line = yield
        if pattern in line:
            target.send(line)
p = printer(); next(p)
g = grep("py", p); next(g)
for line in ["python rocks", "rust too", "pypy is fast", "cpython"]:
    g.send(line)
g.close()
p.close()
print("pipeline closed")
