# if/elif/else chains, truthiness of built-in values, while/else and for/else.
def classify(x):
    if x < 0:
        return "negative"
    elif x == 0:
        return "zero"
    elif x < 10:
        return "small"
    else:
        return "large"
print([classify(v) for v in (-5, 0, 3, 99)])
for v in [0, 0.0, 0j, '', b'', [], (), {}, set(), None, range(0), 1, 'a', [0], (None,)]:
    print(repr(v), bool(v))
for n in [7, 9, 2]:
    for d in range(2, n):
        if n % d == 0:
            print(n, "has factor", d)
            break
    else:
        print(n, "is prime (for/else ran)")
i = 0
while i < 3:
    i += 1
else:
    print("while/else ran, i =", i)
while True:
    break
else:
    print("not printed")
print("done")
