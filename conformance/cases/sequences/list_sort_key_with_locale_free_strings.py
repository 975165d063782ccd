# Sorting strings naturally (numbers inside) with custom keys; sorting records by several fields with mixed direction.
import re
files = ["file10.txt", "file2.txt", "File1.txt", "file1.txt", "file20a.txt", "file20.txt", "file3.TXT"]
def natural_key(s):
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", s)]
print("plain:", sorted(files))
print("natural:", sorted(files, key=natural_key))
print("case-insensitive then case-sensitive tiebreak:", sorted(files, key=lambda s: (s.lower(), s)))
people = [("ann", 30, 5.5), ("bob", 25, 6.1), ("cat", 30, 5.9), ("dan", 25, 5.5)]
step1 = sorted(people, key=lambda p: p[2], reverse=True)
step2 = sorted(step1, key=lambda p: p[1])
print("age asc, height desc (two stable passes):", step2)
print("same via tuple key with negation:", sorted(people, key=lambda p: (p[1], -p[2])) == step2)
print("sort by multiple keys with itemgetter:", sorted(people, key=__import__("operator").itemgetter(2, 0)))
print("sorted lengths, then reversed:", sorted(["bb", "a", "ccc"], key=len, reverse=True))
