# Matching nested JSON-like data: lists of dicts, optional keys, recursion over trees.
def evaluate(node):
    match node:
        case {"op": "+", "args": [*args]}:
            return sum(evaluate(a) for a in args)
        case {"op": "*", "args": [a, b]}:
            return evaluate(a) * evaluate(b)
        case {"op": "neg", "arg": a}:
            return -evaluate(a)
        case {"num": int(n) | float(n)}:
            return n
        case _:
            raise ValueError(f"bad node {node!r}")
tree = {"op": "+", "args": [{"num": 1}, {"op": "*", "args": [{"num": 2}, {"num": 3.5}]}, {"op": "neg", "arg": {"num": 4}}]}
print(evaluate(tree))
try:
    evaluate({"op": "?"})
except ValueError as e:
    print("ValueError:", e)
def summarize(users):
    out = []
    for u in users:
        match u:
            case {"name": str(name), "roles": ["admin", *_]}:
                out.append(f"{name}: admin")
            case {"name": str(name), "roles": []}:
                out.append(f"{name}: no roles")
            case {"name": str(name), "roles": [first, *rest]}:
                out.append(f"{name}: {first} (+{len(rest)})")
            case {"name": name}:
                out.append(f"{name}: roles missing")
    return out
print(summarize([{"name": "a", "roles": ["admin", "x"]}, {"name": "b", "roles": []},
                 {"name": "c", "roles": ["dev", "ops", "qa"]}, {"name": "d"}]))
