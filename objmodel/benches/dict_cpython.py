"""CPython's dict on the operations and counts of benches/dict.rs.

Run: python3 objmodel/benches/dict_cpython.py

Keys are the ints 0..n, then interned strings "k0".."k{n-1}". Each operation is driven from C where CPython
allows it (dict(zip(...)), map(d.__getitem__, ...), deque(..., maxlen=0))
so that the figure is mostly the dict's own cost, not the interpreter's
loop; the per-operation cost of a Python-level `for` loop is printed too.
"""
import sys
import time
from collections import deque

SIZES = [(8, 131_072), (1_000, 1_000), (1_000_000, 1)]
RUNS = 5


def median_ns(ops, fn, setup=lambda: None):
    fn(setup())
    times = []
    for _ in range(RUNS):
        arg = setup()
        t = time.perf_counter_ns()
        fn(arg)
        times.append((time.perf_counter_ns() - t) / ops)
    times.sort()
    return times[len(times) // 2]


def main():
    print("| keys | size | op | CPython dict ns/op |")
    print("|---|---:|---|---:|")
    for n, reps in SIZES:
        for kind in ("int", "str"):
            if kind == "int":
                keys = list(range(n))
            else:
                keys = [sys.intern("k%d" % i) for i in range(n)]
            run(kind, n, reps, keys)

    def loop(_):
        for _ in range(1_000_000):
            pass

    print(f"\n(a Python-level `for` loop alone costs {median_ns(1_000_000, loop):.2f} ns per iteration)")


def run(kind, n, reps, keys):
    ops = n * reps
    pairs = list(zip(keys, keys))
    consume = deque(maxlen=0).extend

    def insert(_):
        for _ in range(reps):
            dict(pairs)

    dicts = [dict(pairs) for _ in range(min(reps, 1024))]
    nd = len(dicts)

    def lookup(_):
        for r in range(reps):
            consume(map(dicts[r % nd].__getitem__, keys))

    def iterate(_):
        for r in range(reps):
            consume(dicts[r % nd].items())

    def delete(ds):
        for d in ds:
            consume(map(d.pop, keys))

    rows = [
        ("insert", median_ns(ops, insert)),
        ("lookup", median_ns(ops, lookup)),
        ("iterate", median_ns(ops, iterate)),
        ("delete", median_ns(ops, delete, lambda: [dict(pairs) for _ in range(reps)])),
    ]
    for op, ns in rows:
        print(f"| {kind} | {n} | {op} | {ns:.2f} |")


if __name__ == "__main__":
    main()
