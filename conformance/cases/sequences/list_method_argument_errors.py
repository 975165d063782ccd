# list/tuple/range methods with bad arguments: CPython's messages.
l = [3, 1, 2]
calls = [
    ("l.append()", lambda: l.append()), ("l.append(1, 2)", lambda: l.append(1, 2)), ("l.insert(1)", lambda: l.insert(1)),
    ("l.insert('0', 1)", lambda: l.insert("0", 1)), ("l.pop(1, 2)", lambda: l.pop(1, 2)), ("l.index()", lambda: l.index()),
    ("l.index(1, 'a')", lambda: l.index(1, "a")), ("l.count()", lambda: l.count()), ("l.sort(1)", lambda: l.sort(1)),
    ("l.sort(key=1)", lambda: l.sort(key=1)), ("l.sort(reverse='x')", lambda: l.sort(reverse="x")), ("l.reverse(1)", lambda: l.reverse(1)),
    ("l.copy(1)", lambda: l.copy(1)), ("l.remove()", lambda: l.remove()), ("l[1:2:0] = []", lambda: l.__setitem__(slice(1, 2, 0), [])),
    ("(1,).index()", lambda: (1,).index()), ("(1,).count(1, 2)", lambda: (1,).count(1, 2)), ("range(3).index('a')", lambda: range(3).index("a")),
    ("range(3).count()", lambda: range(3).count()), ("[] * []", lambda: [] * []), ("[].__getitem__()", lambda: [].__getitem__()),
]
for label, fn in calls:
    try:
        print(label, "->", fn())
    except (TypeError, ValueError, IndexError) as e:
        print(label, "->", type(e).__name__ + ":", e)
print("list unchanged by failed calls:", l)
