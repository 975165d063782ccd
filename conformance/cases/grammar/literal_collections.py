# Literal displays: tuples, lists, dicts, sets, nested, trailing commas, empty forms.
print((), (1,), (1, 2,), [], [1,], {}, {1,}, {1: 2,})
print(type(()).__name__, type({}).__name__, type(set()).__name__, type({1}).__name__)
print([[]] * 2, [[] for _ in range(2)], ((),), [()], {(): []})
nested = {"list": [1, {"set": sorted({3, 1})}], "tuple": (None, ...)}
print(nested)
print({1: "a", 1.0: "b", True: "c"}, {0, 0.0, False, -0.0})
print(len({"a": 1, "a": 2}), {"a": 1, "a": 2})
print([1, 2, 3][::-1], (1, 2) + (3,), [0] * 3, "ab" "cd", (1, [2]) == (1, [2]))
