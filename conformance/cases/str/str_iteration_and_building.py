# Building strings: join vs +=, list of chars, io.StringIO, str.format_map, repetition; iteration helpers.
parts = [str(i) for i in range(10)]
print("join:", "".join(parts), "-".join(parts[:3]))
acc = ""
for p in parts:
    acc += p
print("+= equals join:", acc == "".join(parts))
chars = list("hello")
chars[0] = "J"
print("via list:", "".join(chars))
import io
buf = io.StringIO()
for i in range(3):
    buf.write(f"[{i}]")
print("StringIO:", buf.getvalue())
print("enumerate chars:", [(i, c) for i, c in enumerate("abc")])
print("zip strings:", ["".join(p) for p in zip("abc", "xyz")])
print("reversed:", "".join(reversed("stressed")), "stressed"[::-1])
print("sorted chars:", "".join(sorted("python")), "".join(sorted("Python", key=str.lower)))
print("map over chars:", "".join(map(str.upper, "abc")), list(map(ord, "AB")))
print("char frequencies:", sorted(__import__("collections").Counter("mississippi").items()))
print("sliding windows:", [s[i:i + 3] for s in ["abcde"] for i in range(len(s) - 2)])
print("interleave:", "".join(a + b for a, b in zip("ace", "bdf")))
print("str * int tables:", ["-" * n for n in range(4)])
print("chained methods:", "  Hello, World  ".strip().lower().replace(",", "").split())
