class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
def f(x):
    match x:
        case [1, *rest, 3]:
            return ("seq", rest)
        case {"a": 1, **kw}:
            return ("map", kw)
        case Point(1, y=2) as p:
            return ("point", p.x, p.y)
        case Point(x, y) if x > y:
            return ("gt", x, y)
        case str() | int(5):
            return "s-or-5"
        case (a, b):
            return ("pair", a, b)
        case {"k": {"n": n}}:
            return ("nested", n)
        case _:
            return None
for v in [[1, 2, 2, 3], (1, 3), {"a": 1, "b": 2}, Point(1, 2), Point(5, 3), Point(1, 9), "s", 5, 6, [7, 8], {"k": {"n": 4}}, {"a": 2}, range(2), "ab"]:
    print(f(v))
class C:
    pass
try:
    match C():
        case C(1):
            pass
except TypeError as e:
    print(e)
class D:
    __match_args__ = ["a"]
try:
    match D():
        case D(1):
            pass
except TypeError as e:
    print(e)
match 3:
    case int(n):
        print("int self", n)
class E:
    pass
try:
    match E():
        case E(x=1, y=2):
            pass
        case _:
            print("no attrs -> no match")
except TypeError as e:
    print(e)
match [1, 2]:
    case [*_, last]:
        print("last", last)
