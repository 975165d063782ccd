# Ints that must fit a machine index: CPython's errors for huge values.
big = 2**64


class LenHuge:
    def __len__(self):
        return 2**70


class LenNeg:
    def __len__(self):
        return -1


class LenStr:
    def __len__(self):
        return "x"


cases = [
    ("[0][big]", lambda: [0][big]),
    ("[1, 2][-big]", lambda: [1, 2][-big]),
    ("'ab'[big]", lambda: "ab"[big]),
    ("(1,)[big]", lambda: (1,)[big]),
    ("b'a'[big]", lambda: b"a"[big]),
    ("chr(big)", lambda: chr(big)),
    ("chr(-2**40)", lambda: chr(-(2**40))),
    ("chr(2**31)", lambda: chr(2**31)),
    ("chr(0x110000)", lambda: chr(0x110000)),
    ("bytes(big)", lambda: bytes(big)),
    ("bytes(-big)", lambda: bytes(-big)),
    ("'abc'.center(big)", lambda: "abc".center(big)),
    ("'abc'.ljust(-big)", lambda: "abc".ljust(-big)),
    ("bool(LenHuge())", lambda: bool(LenHuge())),
    ("bool(LenNeg())", lambda: bool(LenNeg())),
    ("bool(LenStr())", lambda: bool(LenStr())),
    ("len(LenHuge())", lambda: len(LenHuge())),
    ("[0][2**40]", lambda: [0][2**40]),
]
for label, f in cases:
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
print([1, 2, 3][-big:big], "abc"[big:])
