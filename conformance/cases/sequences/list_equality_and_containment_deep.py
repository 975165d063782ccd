# Deep equality of nested lists/tuples, containment of nested objects, and comparison short-circuiting.
a = [1, [2, [3, (4, 5)]], {"k": [6]}]
b = [1, [2, [3, (4, 5)]], {"k": [6]}]
print("deep equal:", a == b, a is not b, a[1] == b[1])
b[1][1][1] = (4, 5.0)
print("int/float equal inside:", a == b)
b[2]["k"].append(7)
print("after nested change:", a == b)
print("containment uses ==:", [2, [3, (4, 5)]] in a, (4, 5) in a, 6 in a)
print("list vs tuple never equal:", [1, 2] == (1, 2), [[1]] == [(1,)])
print("ordering compares first differing element:", [1, 2, 3] < [1, 3], [1, [2]] < [1, [3]], [[1, 2]] < [[1, 2, 0]])
try:
    [1, "a"] < [1, 2]
except TypeError as e:
    print("mixed types at difference:", e)
print("equal prefix then length:", [1, 2] < [1, 2, 0], (1, 2) > (1,))
x = []
x.append(x)
y = []
y.append(y)
try:
    print("recursive structures compare:", x == y)
except RecursionError as e:
    print("recursive comparison:", type(e).__name__)
