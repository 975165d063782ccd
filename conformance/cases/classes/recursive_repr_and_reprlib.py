# Custom reprs for recursive structures: reprlib.recursive_repr and reprlib.Repr limits.
import reprlib
class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
    @reprlib.recursive_repr(fillvalue="<cycle>")
    def __repr__(self):
        return f"Node({self.name}, {self.children!r})"
a = Node("a")
b = Node("b")
a.children.append(b)
b.children.append(a)
print(repr(a))
print(repr([a]))
r = reprlib.Repr()
r.maxlist = 3
r.maxstring = 10
print("limited list:", r.repr(list(range(10))))
print("limited str:", r.repr("abcdefghijklmnopqrstuvwxyz"))
print("reprlib.repr default:", reprlib.repr(list(range(100))), reprlib.repr("x" * 100))
print("nested limits:", reprlib.repr([[[[[1]]]]]), reprlib.repr({i: i for i in range(10)}))
d = {}
d["me"] = d
l = [d]
l.append(l)
print("builtin recursive reprs:", repr(l))
