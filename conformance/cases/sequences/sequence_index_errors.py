# Error messages for bad sequence indexing across list, tuple, str, range, bytes.
seqs = {"list": [1, 2], "tuple": (1, 2), "str": "ab", "range": range(2), "bytes": b"ab", "bytearray": bytearray(b"ab")}
for name, s in seqs.items():
    for idx in (5, "0", 1.0, None):
        try:
            s[idx]
        except (IndexError, TypeError) as e:
            print(f"{name}[{idx!r}]: {type(e).__name__}: {e}")
for name, s in [("list", [1]), ("bytearray", bytearray(b"a"))]:
    for idx in (3, "x"):
        try:
            s[idx] = 0
        except (IndexError, TypeError) as e:
            print(f"{name}[{idx!r}] = 0: {type(e).__name__}: {e}")
for name, s in [("tuple", (1,)), ("str", "a"), ("range", range(1)), ("bytes", b"a")]:
    try:
        s[0] = 0
    except TypeError as e:
        print(f"{name}[0] = 0: {e}")
    try:
        del s[0]
    except TypeError as e:
        print(f"del {name}[0]: {e}")
try:
    [1][10**30]
except IndexError as e:
    print("huge index:", type(e).__name__, e)
