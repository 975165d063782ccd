# __match_args__ rules: positional limits, non-tuple values, keyword-only classes, self matching.
class Pair:
    __match_args__ = ("left", "right")
    def __init__(self, left, right):
        self.left, self.right = left, right
class KwOnly:
    def __init__(self, a):
        self.a = a
class BadArgs:
    __match_args__ = ["x"]
    x = 1
def m(v):
    match v:
        case Pair(1, right=r):
            return f"pair starting 1, right={r}"
        case Pair(l, r):
            return f"pair {l},{r}"
        case KwOnly(a=3):
            return "kw-only a=3"
        case KwOnly():
            return "kw-only other"
    return "nothing"
print(m(Pair(1, 2)), m(Pair(5, 6)), m(KwOnly(3)), m(KwOnly(4)))
for subject, pattern_src in [(Pair(1, 2), "Pair(1, 2, 3)"), (BadArgs(), "BadArgs(1)"), (Pair(1, 2), "Pair(1, left=1)")]:
    src = f"match subject:\n    case {pattern_src}:\n        result = 'matched'\n    case _:\n        result = 'no'\n"
    try:
        ns = {"subject": subject, "Pair": Pair, "BadArgs": BadArgs}
        exec(src, ns)
        print(pattern_src, ns["result"])
    except (TypeError, SyntaxError) as e:
        print(pattern_src, type(e).__name__ + ":", e)
for v in [3, "s", 2.5, [1], {1: 2}, (1,), b"b", bytearray(b"x"), frozenset(), True]:
    match v:
        case int(x):
            print("int", x)
        case str(x) | bytes(x) | bytearray(x):
            print("text-like", x)
        case float(x):
            print("float", x)
        case list(x) | tuple(x):
            print("sequence", x)
        case dict(x):
            print("dict", x)
        case frozenset(x):
            print("frozenset", x)
