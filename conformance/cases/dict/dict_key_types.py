# Valid and invalid key types: tuples, frozensets, None, bools vs ints, floats, user objects, nested unhashables.
d = {None: "none", (1, 2): "tuple", frozenset({1}): "fs", 2.5: "float", "s": "str", b"b": "bytes", range(2): "range"}
print("lookups:", d[None], d[(1, 2)], d[frozenset([1])], d[2.5], d["s"], d[b"b"], d[range(0, 2)])
print("bool/int share keys:", {True: "t", 1: "one", 1.0: "f"}, {False: 0, 0: 1})
for bad in ([1], {1: 2}, {1}, bytearray(b"x"), (1, [2])):
    try:
        {bad: 1}
    except TypeError as e:
        print("unhashable:", e)
class K:
    pass
k1, k2 = K(), K()
od = {k1: 1, k2: 2}
print("identity-hashed objects:", od[k1], od[k2], len(od))
print("slice keys (3.11 unhashable):", end=" ")
try:
    {slice(1): 1}
except TypeError as e:
    print(e)
print("type and function keys:", {int: "int", len: "len"}[int], {int: "int", len: "len"}[len])
print("str vs bytes keys differ:", len({"a": 1, b"a": 2}))
print("-0.0 and 0 collide:", {0: "zero", -0.0: "negzero"})
print("tuple with equal-valued members collide:", {(1, 2.0): "a", (1.0, 2): "b"})
