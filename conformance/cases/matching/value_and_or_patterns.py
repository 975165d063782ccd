# Value patterns (dotted names), or-patterns binding names, and as-patterns.
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
class Const:
    LIMIT = 10
def check(v):
    match v:
        case Color.RED:
            return "red"
        case Const.LIMIT:
            return "at limit"
        case (1, x) | (x, 1):
            return f"has a one, other={x}"
        case [int() as a, str() as b]:
            return f"int {a} then str {b}"
        case {"k": (1 | 2) as n}:
            return f"k is {n}"
    return "no match"
for v in [Color.RED, Color.GREEN, 10, (1, 5), (7, 1), [3, "z"], {"k": 2}, {"k": 3}]:
    print(v, "->", check(v))
for src in ["match x:\n case a | b: pass\n", "match x:\n case [a, a]: pass\n",
            "match x:\n case (1, y) | (2, z): pass\n", "match x:\n case _:\n  pass\n case 1:\n  pass\n"]:
    try:
        compile(src, "<m>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
