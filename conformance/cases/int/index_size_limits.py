# Where ints must fit a machine index: OverflowError/IndexError messages with huge values.
import sys
print("maxsize:", sys.maxsize == 2**63 - 1)
big = 2**64
for label, fn in [
    ("[0][big]", lambda: [0][big]),
    ("'ab'[big]", lambda: "ab"[big]),
    ("[0] * big", lambda: [0] * big),
    ("'a' * big", lambda: "a" * big),
    ("range(big)[0]", lambda: range(big)[0]),
    ("len(range(big))", lambda: len(range(big))),
    ("chr(big)", lambda: chr(big)),
    ("bytes(big)", lambda: bytes(big)),
    ("(1).to_bytes(big, 'big')", lambda: (1).to_bytes(big, "big")),
    ("'abc'.center(big)", lambda: "abc".center(big)),
    ("[1, 2][-big]", lambda: [1, 2][-big]),
    ("round(1.5, big)", lambda: round(1.5, big)),
]:
    try:
        print(label, "->", fn())
    except (OverflowError, IndexError, MemoryError, ValueError) as e:
        print(label, "->", type(e).__name__ + ":", e)
print("slices clamp huge bounds:", [1, 2, 3][-big:big], "abc"[big:], list(range(5))[::big])
print("int ops stay exact beyond machine size:", (sys.maxsize + 1) * 2, -sys.maxsize - 2)
print("sys.maxsize + 1 in range(big):", sys.maxsize + 1 in range(big))
