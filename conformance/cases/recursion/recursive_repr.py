# Self-referencing containers print with ... instead of recursing forever.
a = [1, 2]
a.append(a)
print(a, repr(a), len(a))
d = {"k": 1}
d["self"] = d
print(d)
t = ([],)
t[0].append(t)
print(t)
b = [a, a]
print(b)
import collections
od = collections.OrderedDict(x=1)
od["me"] = od
print(od)
dq = collections.deque([1])
dq.append(dq)
print(dq)
class Node:
    def __init__(self):
        self.next = self
    def __repr__(self):
        return f"Node(next={self.next!r})"
try:
    repr(Node())
except RecursionError:
    print("user __repr__ recursion raises RecursionError")
print(a == a, a[2] is a)
