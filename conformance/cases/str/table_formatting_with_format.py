# Building aligned text tables with format specs: dynamic widths, alignment, numbers and truncation.
rows = [("apple", 1.5, 10), ("banana", 0.25, 150), ("kiwi", 12.0, 3), ("dragonfruit", 7.125, 42)]
w = max(len(r[0]) for r in rows)
header = f"{'name':<{w}} | {'price':>8} | {'qty':^5} | {'total':>9}"
print(header)
print("-" * len(header))
for name, price, qty in rows:
    print(f"{name:<{w}} | {price:>8.2f} | {qty:^5d} | {price * qty:>9,.2f}")
print("=" * len(header))
total = sum(p * q for _, p, q in rows)
print(f"{'TOTAL':>{w}} | {'':>8} | {sum(q for *_, q in rows):^5} | {total:>9,.2f}")
print("truncate with precision:", f"[{'dragonfruit':.5}]", "[{:>8.3}]".format("banana"))
print("str.format with dict rows:", "\n".join("{name:>6}:{qty:03d}".format(name=n, qty=q) for n, _, q in rows[:2]))
print("percent table:", "\n".join("%-8s%6.1f" % (n, p) for n, p, _ in rows[:2]))
