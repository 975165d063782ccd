# list()/extend()/+= accept any iterable; list + requires list; extend with self, generators, dict views, strings.
l = list("ab")
l.extend(range(2))
l.extend({"k": 1})
l.extend({"v": 2}.values())
l += (x for x in "yz")
l += "s"
print("extend sources:", l)
try:
    l = l + "abc"
except TypeError as e:
    print("list + str:", e)
m = [1, 2]
m.extend(m)
m += m
print("self-extension doubles:", m)
print("list() copies:", (lambda a: (list(a) == a, list(a) is a))([1]))
print("list(dict items/reversed/enumerate):", list({"a": 1}.items()), list(reversed("ab")), list(enumerate("x")))
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self):
        while self.n > 0:
            self.n -= 1
            yield self.n
print("list(custom iterable):", list(Countdown(3)))
n = [0]
n[len(n):] = Countdown(2)
print("slice-extend with custom iterable:", n)
try:
    [].extend(None)
except TypeError as e:
    print("extend(None):", e)
print("tuple(list) and back:", list(tuple([1, [2]])), tuple(list((1,))))
