# Deeply nested containers through builtins: repr, ==, deepcopy and pickle raise RecursionError.
import copy
import pickle
def nested_list(depth):
    root = cur = []
    for _ in range(depth):
        nxt = []
        cur.append(nxt)
        cur = nxt
    return root
def nested_tuple(depth):
    t = ()
    for _ in range(depth):
        t = (t,)
    return t
deep = nested_list(100000)
checks = {
    "repr(list)": lambda: repr(deep),
    "str(list)": lambda: str(deep),
    "list == list": lambda: deep == nested_list(100000),
    "copy.deepcopy": lambda: copy.deepcopy(deep),
    "pickle.dumps": lambda: pickle.dumps(deep),
}
for name, fn in checks.items():
    try:
        fn()
        print(name, "completed")
    except RecursionError:
        print(name, "RecursionError")
shallow = nested_list(50)
print(hash(nested_tuple(50)) == hash(nested_tuple(50)), len(repr(shallow)), shallow == nested_list(50), pickle.loads(pickle.dumps(shallow)) == shallow)
print("interpreter still healthy:", sum(range(100)))
