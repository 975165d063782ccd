# match inside loops with break/continue, and subjects computed with :=.
lines = ["set a 1", "set b 2", "get a", "del b", "get b", "stop", "set c 3"]
store = {}
for line in lines:
    match (parts := line.split()):
        case ["set", key, value]:
            store[key] = int(value)
        case ["get", key]:
            print(key, "=", store.get(key, "missing"))
        case ["del", key]:
            store.pop(key, None)
            continue
        case ["stop"]:
            print("stopping with", len(parts), "part(s)")
            break
print(store)
def tokens(s):
    i = 0
    while i < len(s):
        match s[i]:
            case " ":
                pass
            case "+" | "-" | "*" as op:
                yield ("op", op)
            case d if d.isdigit():
                j = i
                while j < len(s) and s[j].isdigit():
                    j += 1
                yield ("num", int(s[i:j]))
                i = j
                continue
            case other:
                yield ("unknown", other)
        i += 1
print(list(tokens("12 + 3*45 ?")))
