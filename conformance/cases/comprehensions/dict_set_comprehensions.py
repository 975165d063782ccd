# dict and set comprehensions: keys, ordering, duplicates, inversion.
words = ["apple", "bob", "cat", "apple", "dog", "bob"]
print({w: len(w) for w in words})
print({w: i for i, w in enumerate(words)})
print(sorted({len(w) for w in words}))
inv = {v: k for k, v in {'a': 1, 'b': 2, 'c': 1}.items()}
print(inv)
print({(x, y): x * y for x in range(2) for y in range(2)})
print({x % 3 for x in range(10)} == {0, 1, 2}, type({x for x in []}).__name__)
print({k: v for k, v in zip("abc", range(3)) if v})
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print({w: c for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))})
print(sorted({n for n in range(2, 30) if all(n % d for d in range(2, n))}))
print({i: {j for j in range(i)} for i in range(3)})
