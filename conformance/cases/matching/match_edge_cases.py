# Subject evaluation once, binding on failed matches, and match as a soft keyword.
calls = 0
def subject():
    global calls
    calls += 1
    return [1, 2]
match subject():
    case [9, _]:
        pass
    case [1, 9]:
        pass
    case [a, b]:
        print("matched", a, b)
print("subject evaluated", calls, "time(s)")
match = {"match": "still a name"}
print(match["match"])
case = 3
print(case)
match [1, 2]:
    case [x, 3]:
        pass
    case _:
        pass
print("x bound after failed partial match?", 'x' in dir())
def numbers(v):
    match v:
        case 1.0:
            return "one-ish"
        case -1:
            return "minus one"
        case 1+2j:
            return "complex"
    return "none"
print(numbers(1), numbers(True), numbers(-1), numbers(1+2j))
