# Comprehensions that mutate, raise mid-way, and run iterators partially.
out = []
r = [out.append(i) for i in range(3)]
print(r, out)
def gen():
    for i in range(5):
        if i == 3:
            raise ValueError("third item")
        yield i
try:
    [v for v in gen()]
except ValueError as e:
    print("ValueError:", e)
it = iter(range(10))
first = [next(it) for _ in range(3)]
print(first, list(it)[:2])
data = [3, 1, 2]
print([data.pop() for _ in range(len(data))], data)
seen = set()
uniq = [x for x in [3, 1, 3, 2, 1] if not (x in seen or seen.add(x))]
print(uniq)
try:
    [1 / x for x in [1, 0, 2]]
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
d = {'a': 1}
try:
    {k: v for k, v in d.items() if d.setdefault('b', 2)}
except RuntimeError as e:
    print("RuntimeError:", e)
