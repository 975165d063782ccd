# Multiple for/if clauses in one comprehension and their order of evaluation.
trace = []
def t(label, v):
    trace.append(label)
    return v
res = [(a, b) for a in t("A", range(3)) if t(f"ifa{a}", a != 1) for b in t(f"B{a}", range(2)) if t(f"ifb{a}{b}", b)]
print(res)
print(trace)
words = ["apple", "kiwi", "banana", "fig", "cherry"]
print([w[0].upper() + w[1:] for w in words if len(w) > 3 if "a" in w])
print([(i, c) for i, w in enumerate(words) for c in w if c in "xyz"])
print([n for n in range(50) if n % 3 == 0 if n % 5 == 0 if n])
print({w: [c for c in w if c in "aeiou"] for w in words if len(w) < 6})
