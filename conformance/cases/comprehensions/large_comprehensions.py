# Comprehensions over larger ranges: totals checked with arithmetic identities.
n = 20000
sq = [i * i for i in range(n)]
print(len(sq), sum(sq) == (n - 1) * n * (2 * n - 1) // 6)
evens = {i for i in range(n) if i % 2 == 0}
print(len(evens), min(evens), max(evens))
d = {i: i % 7 for i in range(n)}
print(len(d), sum(d.values()))
pairs = [(a, b) for a in range(100) for b in range(a, 100) if (a + b) % 10 == 0]
print(len(pairs), pairs[:3], pairs[-2:])
triples = [(a, b, c) for c in range(1, 40) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(triples)
print(sum(1 for _ in range(n) if _ % 3 == 0))
