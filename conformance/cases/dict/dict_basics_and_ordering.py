# dict construction forms, insertion order, overwrite keeps position, deletion and re-insertion.
print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": 1}, k2=2), dict(zip("ab", [1, 2])))
d = {"b": 1, "a": 2, "c": 3}
d["a"] = 20
print("overwrite keeps order:", list(d))
del d["b"]
d["b"] = 5
print("reinsert goes to end:", list(d.items()))
print("len/contains:", len(d), "a" in d, 20 in d, "z" not in d)
try:
    d["zz"]
except KeyError as e:
    print("missing key:", repr(e), e.args)
try:
    del d["zz"]
except KeyError as e:
    print("del missing:", repr(e))
for bad in [[1, 2], [(1, 2, 3)], 5, ["ab", "c"]]:
    try:
        dict(bad)
    except (TypeError, ValueError) as e:
        print("dict(%r):" % (bad,), type(e).__name__, e)
print("string pairs ok:", dict(["ab", "cd"]))
try:
    {[1]: 2}
except TypeError as e:
    print("unhashable key:", e)
print("equal keys collapse:", {1: "int", 1.0: "float", True: "bool"})
print("equality ignores order:", {"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} == {"a": 1.0})
print("repr nested:", {"k": {"n": [1, (2,)]}, 2: None})
r = {}
r["self"] = r
print("recursive repr:", r)
print("fromkeys:", dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
shared = dict.fromkeys("xy", [])
shared["x"].append(1)
print("fromkeys shares value:", shared)
print("bool:", bool({}), bool({0: 0}))
