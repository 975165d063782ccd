# Many subjects through one match statement: counts per branch computed deterministically.
import random
rng = random.Random(2024)
def shape(v):
    match v:
        case int(n) if n < 0:
            return "neg"
        case 0:
            return "zero"
        case int():
            return "pos"
        case (x, y):
            return "pair"
        case [*items] if len(items) > 2:
            return "long"
        case str() as s if s.isdigit():
            return "digits"
        case str():
            return "text"
        case {"id": _}:
            return "record"
        case _:
            return "other"
def sample():
    k = rng.randrange(7)
    if k == 0:
        return rng.randint(-5, 5)
    if k == 1:
        return (rng.random(), rng.random())
    if k == 2:
        return [0] * rng.randint(0, 5)
    if k == 3:
        return str(rng.randint(0, 99))
    if k == 4:
        return rng.choice(["abc", "x1"])
    if k == 5:
        return {"id": rng.randint(1, 3)}
    return None
counts = {}
for _ in range(5000):
    key = shape(sample())
    counts[key] = counts.get(key, 0) + 1
print(sorted(counts.items()), sum(counts.values()))
