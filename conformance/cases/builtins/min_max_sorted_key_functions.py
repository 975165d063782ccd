# key= functions with min/max/sorted: builtins as keys, tuples as keys, key exceptions, key called once per item.
words = ["banana", "Apple", "cherry", "date", "Elder"]
print("key=len:", min(words, key=len), max(words, key=len), sorted(words, key=len))
print("key=str.lower:", min(words, key=str.lower), sorted(words, key=str.lower))
print("key=tuple:", sorted(words, key=lambda w: (len(w), w.lower())))
print("key with negative for desc:", sorted([3, 1, 2], key=lambda n: -n))
calls = []
def key(x):
    calls.append(x)
    return x % 3
print("sorted result:", sorted([5, 3, 4, 1], key=key), "key calls:", calls)
calls.clear()
print("max result:", max([5, 3, 4, 1], key=key), "key calls:", calls)
def bad_key(x):
    if x == 4:
        raise LookupError("no key for 4")
    return x
for fn in (min, max, sorted):
    try:
        fn([1, 4, 2], key=bad_key)
    except LookupError as e:
        print(fn.__name__, "key error:", e)
print("dict max by value:", max({"a": 3, "b": 7, "c": 5}.items(), key=lambda kv: kv[1]))
print("min of empty with default and key:", min([], key=len, default="none"))
