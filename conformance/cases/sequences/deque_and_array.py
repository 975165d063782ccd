# collections.deque and array.array as sequence types.
from collections import deque
import array
d = deque([1, 2, 3], maxlen=5)
d.appendleft(0)
d.append(4)
d.append(5)
print("maxlen drops from the other end:", d, d.maxlen)
d.rotate(2)
print("rotate:", d)
d.rotate(-3)
print("rotate back:", d)
print("pop/popleft:", d.pop(), d.popleft(), d)
d.extendleft([10, 11])
print("extendleft reverses:", d)
print("index/count/contains:", d.index(4), d.count(4), 3 in d, d[0], d[-1])
try:
    deque().pop()
except IndexError as e:
    print("pop empty:", e)
e = deque("abc")
try:
    for x in e:
        e.append("z")
except RuntimeError as err:
    print("mutation during iteration:", err)
print("deque ops:", deque([1]) + deque([2]), deque([1, 2]) * 2, deque([1]) == deque([1]), list(reversed(deque([1, 2]))))
a = array.array("i", [1, 2, 3])
a.append(4)
a.extend([5])
print("array:", a, a.typecode, a.itemsize, a.tolist(), a[1:3], a[::-1])
try:
    a.append(1.5)
except TypeError as err:
    print("wrong type:", err)
try:
    array.array("b", [200])
except OverflowError as err:
    print("overflow:", err)
print("array bytes round trip:", array.array("H", array.array("H", [1, 65535]).tobytes()).tolist())
print("array of doubles:", array.array("d", [0.5, 1.25]), array.array("u", "hi").tounicode())
try:
    array.array("q", "x")
except TypeError as err:
    print("bad initializer:", err)
