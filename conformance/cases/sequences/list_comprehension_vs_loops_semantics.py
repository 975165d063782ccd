# List operations semantics used by algorithms: in-place vs new lists, aliasing through functions, default args.
def append_to(item, target=[]):
    target.append(item)
    return target
print("mutable default shared:", append_to(1), append_to(2))
def append_safe(item, target=None):
    target = [] if target is None else target
    target.append(item)
    return target
print("None default:", append_safe(1), append_safe(2))
def mutate(l):
    l.append("m")
    l = ["rebound"]
    return l
orig = [0]
ret = mutate(orig)
print("caller sees mutation not rebinding:", orig, ret)
a = [3, 1, 2]
b = sorted(a)
a.sort()
print("sorted new vs sort in place:", a, b, a is not b)
c = a
c += [9]
print("+= mutates alias:", a)
c = c + [10]
print("+ rebinds:", a, c)
m = [[1, 2], [3, 4]]
flat = [x for row in m for x in row]
t = [list(col) for col in zip(*m)]
print("flatten/transpose:", flat, t)
stack = []
stack.append(1); stack.append(2)
queue = [1, 2, 3]
print("stack pop / queue pop(0):", stack.pop(), queue.pop(0), stack, queue)
print("list.index with start/stop:", [1, 2, 1, 2].index(1, 1), [5, 6, 7].index(7, -1))
print("del with negative index and slices:", (lambda l: (l.__delitem__(-1), l.__delitem__(slice(0, 1)), l)[2])([1, 2, 3, 4]))
print("clear vs reassign:", (lambda l: (l.clear(), l)[1])([1, 2]))
