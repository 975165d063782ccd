# Infinite generators consumed partially with islice, zip and takewhile.
import itertools
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def primes():
    found = []
    for n in itertools.count(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
print(list(itertools.islice(naturals(), 5)))
print(list(itertools.islice(primes(), 15)))
print(list(zip("abc", naturals())))
print(list(itertools.takewhile(lambda x: x < 20, (n * n for n in naturals()))))
def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1
print(list(collatz(27))[:10], len(list(collatz(27))))
gen = primes()
for _ in range(100):
    p = next(gen)
print("100th prime:", p)
