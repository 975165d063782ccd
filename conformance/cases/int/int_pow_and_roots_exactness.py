# Exact integer roots and powers: isqrt, integer nth root by bisection, perfect powers, pow with huge exponents mod m.
import math
def iroot(n, k):
    lo, hi = 0, 1 << (n.bit_length() // k + 1)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid ** k <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo
for n in [0, 1, 15, 16, 17, 10**20, 2**201, 3**150 + 1]:
    r = math.isqrt(n)
    print(f"isqrt digits={len(str(n)):3} r*r<=n<(r+1)**2: {r * r <= n < (r + 1) ** 2} perfect: {r * r == n}")
print("cube roots:", [iroot(v, 3) for v in (26, 27, 28, 10**30, 2**300)][:4], iroot(2**300, 3) == 2**100)
print("fifth root of 7**500:", iroot(7**500, 5) == 7**100)
print("float sqrt vs isqrt for big:", int(math.sqrt(10**30)) == math.isqrt(10**30), int(math.sqrt(2**106 - 1)), math.isqrt(2**106 - 1))
print("pow mod with huge exponent:", pow(3, 10**100, 1000003), pow(2, 2**64, 2**61 - 1))
print("Fermat check:", all(pow(a, 1000002, 1000003) == 1 for a in (2, 3, 5, 7)))
print("perfect power detection:", [n for n in range(2, 200) if any(iroot(n, k) ** k == n for k in range(2, 8))][:12])
