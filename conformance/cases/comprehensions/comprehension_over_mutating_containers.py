# Comprehensions over containers mutated during iteration: lists grow, dicts and sets raise.
lst = [1, 2, 3]
out = [lst.append(x) or x for x in lst if len(lst) < 6]
print(out, lst)
d = {"a": 1}
try:
    [d.update(b=2) for k in d]
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1}
try:
    {s.add(x + 1) for x in s}
except RuntimeError as e:
    print("RuntimeError:", e)
snapshot = list(d)
print([d.pop(k) for k in snapshot], d)
q = [0]
print([q.append(i + 1) or i for i in q if i < 4], q)
