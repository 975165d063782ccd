# Augmented assignment on ints creates new objects; every operator form.
x = 10
y = x
x += 5
print("+=", x, "alias unchanged:", y)
ops = [("+=", lambda v: v + 3), ("-=", lambda v: v - 3), ("*=", lambda v: v * 3), ("//=", lambda v: v // 3),
       ("%=", lambda v: v % 3), ("**=", lambda v: v ** 3), ("<<=", lambda v: v << 3), (">>=", lambda v: v >> 3),
       ("&=", lambda v: v & 3), ("|=", lambda v: v | 3), ("^=", lambda v: v ^ 3), ("/=", lambda v: v / 3)]
for start in (17, -17):
    row = []
    for sym, fn in ops:
        v = start
        exec(f"v {sym} 3", {}, ns := {"v": v})
        row.append(f"{sym}{ns['v']}")
        assert ns["v"] == fn(start)
    print(start, " ".join(row))
n = 2
for _ in range(6):
    n **= 2
print("repeated squaring:", n.bit_length(), n % 1000)
total = 0
for i in range(1, 101):
    total += i * i
print("sum of squares:", total)
counter = {"k": 0}
for _ in range(3):
    counter["k"] += 1
print("augmented subscript:", counter)
class Box:
    v = 1
b = Box()
b.v += 1
print("augmented attribute creates instance attr:", b.v, Box.v, "v" in vars(b))
try:
    undefined_name += 1
except NameError as e:
    print("augmented undefined:", e)
