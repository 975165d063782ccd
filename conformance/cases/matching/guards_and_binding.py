# Guards see captured names; names bound by a failed guard stay bound; guard side effects.
calls = []
def check(tag, result):
    calls.append(tag)
    return result
def classify(point):
    match point:
        case (x, y) if check("g1", x == y):
            return f"diagonal {x}"
        case (x, y) if check("g2", x > y):
            return f"below {x},{y}"
        case (x, _):
            return f"other x={x}"
print(classify((1, 1)), calls)
calls.clear()
print(classify((3, 1)), calls)
calls.clear()
print(classify((1, 3)), calls)
match (5, 6):
    case (a, b) if a > b:
        pass
    case _:
        print("guard failed but a and b bound:", a, b)
def fizz(n):
    match (n % 3, n % 5):
        case (0, 0): return "FizzBuzz"
        case (0, _): return "Fizz"
        case (_, 0): return "Buzz"
        case _: return str(n)
print(" ".join(fizz(i) for i in range(1, 16)))
