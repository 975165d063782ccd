# Number-theory algorithms on Python ints: extended gcd, modular inverse vs pow(-1), CRT, sieve, and factoring.
import math
def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y
for a, b in [(240, 46), (17, 5), (2**61 - 1, 2**31 - 1), (-12, 18)]:
    g, x, y = egcd(a, b)
    print(f"egcd({a}, {b}) = {g}; a*x+b*y == g: {a * x + b * y == g}; math.gcd = {math.gcd(a, b)}")
m = 10**9 + 7
print("modular inverse agrees with pow:", all(pow(a, -1, m) == egcd(a, m)[1] % m for a in (2, 3, 12345, m - 1)))
def crt(residues, moduli):
    x, M = 0, 1
    for r, n in zip(residues, moduli):
        x += (r - x) * pow(M, -1, n) % n * M
        M *= n
    return x % M
print("CRT:", crt([2, 3, 2], [3, 5, 7]), crt([1, 2, 3, 4], [5, 7, 9, 11]))
def sieve(n):
    flags = bytearray([1]) * (n + 1)
    flags[0:2] = b"\x00\x00"
    for p in range(2, math.isqrt(n) + 1):
        if flags[p]:
            flags[p * p::p] = bytes(len(range(p * p, n + 1, p)))
    return [i for i, f in enumerate(flags) if f]
primes = sieve(100)
print("primes < 100:", len(primes), primes[-5:])
def factor(n):
    out, p = [], 2
    while p * p <= n:
        while n % p == 0:
            out.append(p)
            n //= p
        p += 1
    return out + ([n] if n > 1 else [])
print("factor:", factor(600851475143), factor(2**32 + 1), factor(97))
