# A small text-processing program: normalise, tokenise, count, and format a report with aligned columns.
import re
from collections import Counter
TEXT = """It was the best of times, it was the worst of times; it was the age of wisdom,
it was the age of foolishness... It was the epoch of belief — it was the epoch of incredulity!"""
words = re.findall(r"[a-z']+", TEXT.lower())
counts = Counter(words)
print("tokens:", len(words), "distinct:", len(counts))
width = max(len(w) for w in counts)
for word, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8]:
    bar = "#" * n
    print(f"{word:<{width}} {n:>3} {bar}")
lines = TEXT.splitlines()
print("line lengths:", [len(l) for l in lines])
print("capitalised sentences:", [s.strip().capitalize() for s in re.split(r"[;!.]+", TEXT.replace("\n", " ")) if s.strip()][:3])
longest = max(counts, key=lambda w: (len(w), w))
print("longest word:", longest, "| title:", TEXT.split(",")[0].title())
print("acronym:", "".join(w[0] for w in "portable operating system interface".split()).upper())
vowels = sum(TEXT.lower().count(v) for v in "aeiou")
print("vowel ratio:", f"{vowels / len(TEXT):.3f}", "| punctuation:", sorted(set(c for c in TEXT if not c.isalnum() and not c.isspace())))
