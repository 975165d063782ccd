# Floor division and modulo follow the sign of the divisor; divmod agrees.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (6, 3), (-6, 3), (1, 10**20), (-1, 10**20)]
for a, b in pairs:
    q, r = a // b, a % b
    print(f"{a} // {b} = {q}; {a} % {b} = {r}; divmod = {divmod(a, b)}; check = {q * b + r == a}")
big = 10**30 + 7
print("big // small:", big // 3, big % 3, (-big) // 3, (-big) % 3)
print("big // big:", (10**40) // (10**20 + 1), (10**40) % (10**20 + 1))
print("negative big:", divmod(-10**25, 7), divmod(10**25, -7))
for a, b in [(1, 0), (0, 0), (10**30, 0)]:
    for op in ("//", "%", "divmod"):
        try:
            if op == "//":
                a // b
            elif op == "%":
                a % b
            else:
                divmod(a, b)
        except ZeroDivisionError as e:
            print(f"{a} {op} {b}:", type(e).__name__, e)
print("true division:", 7 / 2, -7 / 2, 10**20 / 10**10, 1 / 3)
try:
    1 / 0
except ZeroDivisionError as e:
    print("1/0:", e)
print("int / int giant:", (10**400) / (10**399))
try:
    (10**400) / 3
except OverflowError as e:
    print("overflow:", e)
print("exact int division rounding:", (2**60 + 1) / 1, 10**16 + 1 == (10**16 + 1) / 1)
