# insert/pop/del with negative and out-of-range indices behave like slice clamping (insert) or raise (pop/del).
base = ["a", "b", "c"]
for idx in (-100, -4, -3, -1, 0, 1, 3, 100):
    l = list(base)
    l.insert(idx, "X")
    print(f"insert({idx:>4}) -> {l}")
for idx in (-3, -1, 0, 2):
    l = list(base)
    print(f"pop({idx:>2}) -> {l.pop(idx)!r} leaves {l}")
for idx in (3, -4):
    try:
        list(base).pop(idx)
    except IndexError as e:
        print(f"pop({idx}) ->", e)
l = list(base)
del l[-1]
print("del -1:", l)
try:
    del l[5]
except IndexError as e:
    print("del 5:", e)
print("pop with __index__ object:", ["p", "q"].pop(type("I", (), {"__index__": lambda self: 1})()))
try:
    [1].pop("0")
except TypeError as e:
    print("pop str:", e)
