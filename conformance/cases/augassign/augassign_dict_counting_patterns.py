# Counting and grouping idioms built on augmented assignment to dict entries.
text = "the quick brown fox jumps over the lazy dog the end"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
letters = dict.fromkeys("aeiou", 0)
for ch in text:
    if ch in letters:
        letters[ch] += 1
print(letters)
groups = {}
for w in text.split():
    groups.setdefault(len(w), [])
    groups[len(w)] += [w]
print({k: sorted(set(v)) for k, v in sorted(groups.items())})
totals = {"a": 1.5}
totals["a"] *= 2
totals["a"] **= 2
totals["a"] -= 0.5
print(totals)
