# Building large strings several ways gives identical results; summaries keep output small.
import hashlib
def digest(s):
    return hashlib.sha256(s.encode("utf-8")).hexdigest()[:16]
n = 5000
a = ""
for i in range(n):
    a += f"{i},"
b = "".join(f"{i}," for i in range(n))
c = ",".join(map(str, range(n))) + ","
import io
buf = io.StringIO()
for i in range(n):
    buf.write(str(i))
    buf.write(",")
d = buf.getvalue()
print("all equal:", a == b == c == d, len(a), digest(a))
big = "ab" * 100000
print("repeat and count:", len(big), big.count("ba"), big.find("bb"), big[-3:])
replaced = big.replace("ab", "xyz", 50000)
print("replace large:", len(replaced), replaced.count("xyz"), replaced[-6:])
unicode_big = "日本" * 20000 + "😀"
print("non-ASCII big:", len(unicode_big), len(unicode_big.encode("utf-8")), unicode_big.rfind("😀"), digest(unicode_big))
lines = "\n".join(f"line {i}" for i in range(3000))
print("splitlines big:", len(lines.splitlines()), lines.splitlines()[-1], lines.count("\n"))
print("upper/lower on big:", digest(big.upper()), big.upper().lower() == big)
