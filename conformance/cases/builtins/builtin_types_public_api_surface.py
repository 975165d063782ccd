# Public (non-underscore) method/attribute names of core builtin types in 3.11.
types_ = [int, bool, float, complex, str, bytes, bytearray, memoryview, list, tuple, range, slice, dict, set, frozenset,
          type, object, property, staticmethod, classmethod, super, enumerate, zip, map, filter, reversed]
for t in types_:
    public = [n for n in dir(t) if not n.startswith("_")]
    print(f"{t.__name__}: {public}")
def defines(t, name):
    for k in t.__mro__:
        if name in vars(k):
            return vars(k)[name] is not None
    return False
dunders = ("__iter__", "__len__", "__contains__", "__getitem__", "__hash__", "__call__", "__next__", "__reversed__")
for t in (list, tuple, dict, set, frozenset, str, bytes, range, enumerate, type, object):
    print(f"{t.__name__} defines:", [n for n in dunders if defines(t, n)])
