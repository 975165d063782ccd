# itemgetter/attrgetter/methodcaller details: tuples for multiple keys, errors at call time, pickling, nested paths.
import operator as op, pickle
ig = op.itemgetter(2, 0)
print("multi itemgetter on str/list/dict:", ig("abc"), ig([1, 2, 3]), op.itemgetter("b", "a")({"a": 1, "b": 2}))
print("single itemgetter returns item not tuple:", op.itemgetter(0)([9]), op.itemgetter(slice(None, 2))("xyz"))
try:
    op.itemgetter(5)([1])
except IndexError as e:
    print("error raised at call time:", e)
class Node:
    def __init__(self, name, parent=None):
        self.name, self.parent = name, parent
root = Node("root")
leaf = Node("leaf", Node("mid", root))
print("dotted attrgetter:", op.attrgetter("parent.parent.name")(leaf), op.attrgetter("name", "parent.name")(leaf))
try:
    op.attrgetter("parent.parent.parent.name")(leaf)
except AttributeError as e:
    print("missing in chain:", e)
mc = op.methodcaller("split", ",", 1)
print("methodcaller with args:", mc("a,b,c"), op.methodcaller("get", "k", "dflt")({}))
for obj in (ig, op.attrgetter("name"), mc):
    clone = pickle.loads(pickle.dumps(obj))
    print("pickled:", repr(clone))
print("sort records with getters:", [n.name for n in sorted([leaf, root, Node("alpha")], key=op.attrgetter("name"))])
