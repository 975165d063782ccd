# sorted() and list.sort(): stability, key=, reverse=, and reverse keeping stability.
records = [("bob", 3), ("amy", 1), ("cat", 3), ("dan", 2), ("eve", 1), ("fay", 2)]

by_count = sorted(records, key=lambda r: r[1])
print(by_count)

# reverse=True keeps equal elements in their original order (not reversed).
print(sorted(records, key=lambda r: r[1], reverse=True))

# Multi-pass sort: secondary key first, then primary key, relies on stability.
tmp = sorted(records, key=lambda r: r[0], reverse=True)
print(sorted(tmp, key=lambda r: r[1]))

# Tuple keys.
print(sorted(records, key=lambda r: (-r[1], r[0])))

# list.sort returns None and sorts in place.
data = [5, 2, 9, 1, 5, 6]
result = data.sort()
print(result, data)
data.sort(reverse=True)
print(data)

# key is called exactly once per element.
calls = []
def key(x):
    calls.append(x)
    return -x
print(sorted([3, 1, 2], key=key), sorted(calls))

# Sorting strings is by code point.
print(sorted(["b", "B", "a", "A", "_", "1", "é", "e"]))
print(sorted("hello world"))
print(sorted([], reverse=True), sorted((), key=len))
