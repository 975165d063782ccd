# Output that depends only on set contents (not iteration order): sorted views, aggregates, and canonical reprs.
s = {17, 3, 99, -4, 0, 256, 1 << 40}
print("sorted:", sorted(s))
print("aggregates:", len(s), sum(s), min(s), max(s), any(x < 0 for x in s), all(isinstance(x, int) for x in s))
def canonical(x):
    if isinstance(x, (set, frozenset)):
        return "{" + ", ".join(sorted(canonical(e) for e in x)) + "}"
    return repr(x)
nested = {frozenset({3, 1}), frozenset({2}), frozenset()}
print("canonical nested repr:", canonical(nested))
words = {"pear", "apple", "fig", "kiwi"}
print("string sets printed sorted:", sorted(words), sorted(words, key=lambda w: (len(w), w)))
print("set to sorted tuple as dict key:", {tuple(sorted({3, 1, 2})): "k"})
total = 0
t = set(s)
while t:
    total += t.pop()
print("sum via pop loop equals sum:", total == sum(s))
