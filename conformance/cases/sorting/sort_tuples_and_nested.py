# Lexicographic ordering of tuples, lists and strings of different lengths and nested containers.
data = [(1, 2, 3), (1, 2), (1,), (), (0, 99), (1, 2, 2), (1, 10)]
print(sorted(data))
print(sorted([[3], [1, 2], [1], [], [1, 2, 0]]))
print(sorted(["abc", "ab", "abcd", "", "b", "aa"]))
print(sorted([("b", [2]), ("a", [3, 1]), ("a", [2, 9]), ("a", [3])]))
print(sorted([b"b", b"a", b"ab", b""]), sorted([(b"x", 1), (b"x", 0)]))
print(max([(1, "z"), (2, "a"), (2, "b")]), min([[1, 5], [1, 4, 9]]))
print(sorted([(1, None), (0, None)]))
try:
    sorted([(1, None), (1, None), (0, 1)])
    print("equal tuples are found equal with ==, so None < None is never asked")
except TypeError as e:
    print("TypeError:", e)
