# Comparing and hashing recursive structures: == on self-containing lists raises RecursionError.
a = []
a.append(a)
b = []
b.append(b)
print(a == a, a is a[0])
try:
    print(a == b)
except RecursionError:
    print("comparing two distinct self-containing lists: RecursionError")
d1 = {}
d1["x"] = d1
print(d1 == d1)
try:
    import copy
    c = copy.deepcopy(a)
    print("deepcopy keeps the cycle:", c[0] is c, c is not a)
except RecursionError:
    print("deepcopy RecursionError")
import pickle
p = pickle.loads(pickle.dumps(a))
print("pickle keeps the cycle:", p[0] is p)
try:
    str(a)
    print("str of recursive list:", str(a))
except RecursionError:
    print("str RecursionError")
