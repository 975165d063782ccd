# match with literal patterns, capture patterns, wildcards and guards.
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case True:
            return "true"
        case None:
            return "none"
        case int(n) if n < 0:
            return f"negative {n}"
        case float() | complex():
            return "non-int number"
        case other:
            return f"other {other!r}"
for v in [0, 2, "hello", True, None, -5, 2.5, 3j, [1], 1.0, False]:
    print(repr(v), "->", describe(v))
match 42:
    case _:
        print("wildcard always matches")
x = "unchanged"
match 5:
    case 1:
        x = "one"
print(x)
