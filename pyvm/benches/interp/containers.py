# Dict and list work with string keys.
d = {}
words = ["alpha", "beta", "gamma", "delta", "epsilon"]
for i in range(200000):
    w = words[i % 5]
    d[w] = d.get(w, 0) + i
keys = []
for k in d:
    keys.append(k)
print(len(d), d["gamma"], keys)
