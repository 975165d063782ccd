# Many insertions and deletions keep dict semantics: order, lookups, len, and key reuse after deletes.
d = {}
for i in range(5000):
    d[i] = i * i
for i in range(0, 5000, 2):
    del d[i]
print("len after deleting evens:", len(d), "first keys:", list(d)[:5], "last key:", next(reversed(d)))
print("lookups:", d.get(4999), d.get(4998), 4997 in d, 4996 in d)
for i in range(0, 10, 2):
    d[i] = "back"
print("reinserted go to end:", list(d)[-5:], len(d))
s = {}
for i in range(1000):
    s[str(i)] = i
    if i % 3 == 0:
        del s[str(i)]
print("string keys:", len(s), list(s)[:4], sum(s.values()))
churn = {}
for round_ in range(50):
    for k in range(100):
        churn[(round_ % 7, k)] = round_
    for k in range(0, 100, 3):
        churn.pop((round_ % 7, k), None)
print("churn:", len(churn), min(churn), max(churn), churn[(0, 1)])
print("keys still unique and ordered by first insertion of survivors:", list(churn)[:3])
