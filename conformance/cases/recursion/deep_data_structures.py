# Deeply nested data handled iteratively; recursive functions on them hit the limit.
nested = []
cur = nested
for _ in range(100000):
    nxt = []
    cur.append(nxt)
    cur = nxt
def depth_iter(x):
    d = 0
    while x:
        x = x[0]
        d += 1
    return d
print(depth_iter(nested))
def depth_rec(x):
    return 1 + depth_rec(x[0]) if x else 0
try:
    depth_rec(nested)
except RecursionError:
    print("recursive walk raised RecursionError")
import json
try:
    json.dumps(nested)
except RecursionError:
    print("json.dumps raised RecursionError")
deep = "[" * 100000 + "]" * 100000
try:
    json.loads(deep)
except RecursionError:
    print("json.loads raised RecursionError")
try:
    eval("(" * 300 + ")" * 300)
    print("eval of 300 parens ok")
except (RecursionError, SyntaxError, MemoryError) as e:
    print(type(e).__name__)
print("still running")
