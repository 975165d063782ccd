# Arithmetic, comparisons, strings, containers, loops.
print(1 + 2, 7 - 10, 6 * 7, 7 / 2, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 2 ** 10)
print(2 ** 100, 10 ** 20 // 3, -(2 ** 70), 1 << 60, (1 << 70) >> 65, 5 & 3, 5 | 3, 5 ^ 3, ~5)
print(0.1 + 0.2, 1e16, 1.5e-7, -0.0, 2.5 * 4, 1 / 3, 10 / 4, 7.5 // 2, -7.5 % 2)
print(1 == 1.0, 2 < 3.5, "a" < "b", (1, 2) < (1, 3), [1, 2] == [1, 2], None is None)
print(True + True, isinstance(True, int), 3 > 2 > 1, 1 < 2 > 3)
s = "héllo"
print(s, len(s), s[1], s[-1], s + "!", s * 2, "ll" in s, s.upper())
t = (1, "two", 3.0, None, True)
print(t, len(t), t[1], t[-1], (1,), ())
l = [3, 1, 2]
l.append(4)
l[0] = 10
print(l, len(l), l.pop(), l, 10 in l, [] == [], [1] * 3)
d = {"a": 1, "b": 2}
d["c"] = 3
del d["a"]
print(d, len(d), d.get("b"), d.get("z"), d.get("z", 0), "b" in d)
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, v)
total = 0
i = 0
while i < 1000:
    if i % 2 == 0:
        total += i
    i += 1
print(total, sum(range(1000)), max([5, 9, 2]), min(4, 2, 8), abs(-3), abs(-2.5))
print(int("123"), int("-0x1f", 16), int(3.99), int(-3.99), float("2.5"), float(3), str(42), repr("q'"))
print(list(range(5)), list(range(10, 0, -3)), tuple([1, 2]), dict(x=1), bool(0), bool("x"))
print(chr(65), ord("é"), hash(1) == hash(1.0), hash("abc") == hash("ab" + "c"))
print(f"{1 + 1} {'x'!r} {3.5}", "-".join(["a", "b", "c"]))
a, b = 1, 2
a, b = b, a
print(a, b)
x = [1, 2]
x += [3]
print(x)
