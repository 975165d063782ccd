# Values whose type changes mid-loop (int -> float -> big int -> float) and operations stay exactly Python-semantic.
x = 1
types_seen = []
for i in range(8):
    if i == 3:
        x = x / 2
    if i == 5:
        x = int(x) * 10**20
    if i == 7:
        x = x / 10**19
    x = x + 1
    types_seen.append(type(x).__name__)
print("types:", types_seen, "final:", x)
total = 0
for i in range(10):
    total += 0.5 if i % 3 == 0 else i
print("mixed accumulation:", total, type(total).__name__)
vals = [1, 2.0, 3, 4.5, 2**64, 0.25]
acc = 0
for v in vals:
    acc = acc * 2 + v
print("polymorphic accumulate:", acc, type(acc).__name__)
s = 0
for i in range(1, 50):
    s += 1 / i if i % 2 else i
print("alternating int/float terms:", round(s, 12))
z = 0
for i in range(5):
    z = z + (1j if i == 3 else 1)
print("complex enters late:", z, type(z).__name__)
m = 1
for i in range(70):
    m *= 2
    if m > 2**65:
        m = float(m)
print("switch to float past 2**65:", m, type(m).__name__)
