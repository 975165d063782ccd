# list methods: append/extend/insert/pop/remove/index/count/reverse/copy/clear.
l = [3, 1, 2]
l.append(4)
l.extend(range(2))
l.extend("ab")
print("append/extend:", l)
l.insert(0, "first")
l.insert(100, "last")
l.insert(-1, "before-last")
l.insert(-100, "very-first")
print("insert:", l)
print("pop:", l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1)
print("remove first match:", l)
print("index:", l.index(2), l.index("a"), [1, 2, 1, 2].index(2, 2), [1, 2, 3].index(3, -1))
print("count:", [1, 1, 2, "1"].count(1), [[1], [1]].count([1]), [].count(0))
for bad in [lambda: l.remove("zzz"), lambda: l.index("zzz"), lambda: [].pop(), lambda: [1].pop(5), lambda: [1, 2].index(1, 1)]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)
r = [1, 2, 3]
print("reverse returns None:", r.reverse(), r)
c = r.copy()
c.append(0)
print("copy is shallow/independent:", r, c)
nested = [[1]]
shallow = nested.copy()
shallow[0].append(2)
print("shallow shares inner:", nested)
c.clear()
print("clear:", c)
try:
    l.append()
except TypeError as e:
    print("append no arg:", e)
try:
    l.extend(5)
except TypeError as e:
    print("extend non-iterable:", e)
x = [1, 2]
x.extend(x)
print("extend with self:", x)
print("list(), list(str), list(dict):", list(), list("ab"), list({"k": 1, "j": 2}))
