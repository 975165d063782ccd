#!/usr/bin/env python3
"""Times in CPython the operations `cargo bench -p pyvm --bench algorithms`
times in pyvm's library: `python3 pyvm/benches/cpython_baseline.py`.

Median ns/op of thread CPU time (`time.thread_time_ns`) over 11 samples; each figure includes CPython's per-call
interpreter overhead (a list comprehension over the inputs), printed on its
own line, because that is what a Python program pays. Comparison counts use
a key object that counts `__lt__` calls.
"""
import random
import time


def median_ns(ops, fn):
    fn()
    samples = []
    for _ in range(11):
        t = time.thread_time_ns()
        fn()
        samples.append((time.thread_time_ns() - t) / ops)
    samples.sort()
    return samples[len(samples) // 2]


def main():
    rng = random.Random(1)
    floats = [rng.randrange(10_000_000) / 1000 if i % 2 == 0 else
              rng.uniform(1e-70, 1e70) for i in range(10_000)]
    reprs = [repr(x) for x in floats]
    ints = [str(rng.getrandbits(60)) for _ in range(10_000)]
    bigs = [rng.getrandbits(64) ** 3 * rng.getrandbits(64) for _ in range(1_000)]
    print("| operation | median ns/op |")
    print("|---|---|")
    rows = [
        ("empty loop (overhead)", len(floats), lambda: [x for x in floats]),
        ("repr(float)", len(floats), lambda: [repr(x) for x in floats]),
        ("format(float, ',.2f')", len(floats), lambda: [format(x, ",.2f") for x in floats]),
        ("float(str)", len(reprs), lambda: [float(s) for s in reprs]),
        ("hash(float)", len(floats), lambda: [hash(x) for x in floats]),
        ("int(str) (~18 digits)", len(ints), lambda: [int(s) for s in ints]),
        ("str(int) (~77 digits)", len(bigs), lambda: [str(n) for n in bigs]),
    ]
    r = random.Random(42)
    rows.append(("random()", 100_000, lambda: [r.random() for _ in range(100_000)]))
    for name, ops, fn in rows:
        print("| %s | %.1f |" % (name, median_ns(ops, fn)))
    n = 100_000
    data_random = [rng.getrandbits(64) for _ in range(n)]
    nearly = list(range(n))
    for _ in range(n // 100):
        i, j = rng.randrange(n), rng.randrange(n)
        nearly[i], nearly[j] = nearly[j], nearly[i]
    for name, data in [("random", data_random), ("1% swapped", nearly), ("sorted", list(range(n)))]:
        print("| sort 100k int, %s (list.sort) | %.1f |" % (name, median_ns(n, lambda: sorted(data))))
    counts = []
    for data in [data_random, nearly, list(range(n))]:
        calls = [0]

        class K:
            __slots__ = ("v",)

            def __init__(self, v):
                self.v = v

            def __lt__(self, other):
                calls[0] += 1
                return self.v < other.v

        sorted(data, key=K)
        counts.append(calls[0])
    print()
    print("comparisons for 100k (random, 1%% swapped, sorted): %d %d %d" % tuple(counts))


if __name__ == "__main__":
    main()
