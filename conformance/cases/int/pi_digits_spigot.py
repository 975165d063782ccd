# Computing digits of pi and e with exact integer arithmetic (Machin formula and series); checks big-int speed paths.
def arctan_inv(x, unity):
    total = term = unity // x
    x2, n, sign = x * x, 3, -1
    while term:
        term //= x2
        total += sign * (term // n)
        sign, n = -sign, n + 2
    return total
def pi_digits(digits):
    unity = 10 ** (digits + 10)
    pi = 4 * (4 * arctan_inv(5, unity) - arctan_inv(239, unity))
    return str(pi // 10 ** 10)
def e_digits(digits):
    unity = 10 ** (digits + 10)
    total, term, k = 0, unity, 0
    while term:
        total += term
        k += 1
        term //= k
    return str(total // 10 ** 10)
p = pi_digits(300)
print("pi:", p[0] + "." + p[1:61])
print("pi digits 290-300:", p[290:301], "digit sum:", sum(map(int, p)))
e = e_digits(200)
print("e:", e[0] + "." + e[1:61])
print("count of each digit in 300 digits of pi:", [p.count(str(d)) for d in range(10)])
print("sqrt(2) via isqrt:", str(__import__("math").isqrt(2 * 10 ** 120))[:40])
