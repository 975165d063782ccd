# KeyError details: the key object in args, str(KeyError) uses repr, tuple keys, custom __missing__ messages.
d = {"a": 1}
for key in ["missing", 5, (1, 2), None, ("single",), ""]:
    try:
        d[key]
    except KeyError as e:
        print(f"key={key!r:14} args={e.args!r:20} str={str(e)!r}")
try:
    {}.pop("x")
except KeyError as e:
    print("pop:", repr(e))
try:
    del d["zz"]
except KeyError as e:
    print("del:", repr(e))
try:
    {"a": 1}.popitem(); {}.popitem()
except KeyError as e:
    print("popitem:", repr(e))
try:
    raise KeyError()
except KeyError as e:
    print("empty KeyError:", repr(str(e)))
try:
    raise KeyError("a", "b")
except KeyError as e:
    print("two-arg KeyError:", str(e))
print("get never raises:", d.get("missing"), d.get("a"))
try:
    d.get([1])
except TypeError as e:
    print("get with unhashable:", e)
try:
    [1] in d
except TypeError as e:
    print("in with unhashable:", e)
print("KeyError is LookupError:", issubclass(KeyError, LookupError))
