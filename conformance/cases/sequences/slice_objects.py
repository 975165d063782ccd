# slice objects: attributes, indices(), hashing (3.11: unhashable), comparisons, use with custom classes.
import types
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, 3))
print("indices:", s.indices(5), s.indices(100), slice(-3, None).indices(5), slice(None, None, -2).indices(5))
print("indices clamping:", slice(-100, 100).indices(4), slice(10, -10, -1).indices(4))
try:
    slice(1, 2).indices(-1)
except ValueError as e:
    print("negative length:", e)
print("equality:", slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 2, None), slice(1, 2) < slice(1, 3))
try:
    hash(slice(1, 2))
except TypeError as e:
    print("hash:", e)
print("non-int members allowed:", slice("a", "b", "c"), slice(1.5, None).start)
try:
    [1, 2, 3][slice("a", None)]
except TypeError as e:
    print("str bound in list slice:", e)
try:
    slice()
except TypeError as e:
    print("no args:", e)
class Idx:
    def __index__(self):
        return 1
print("__index__ bounds:", [0, 1, 2, 3][Idx():], "abc"[slice(Idx(), None)])
print("slicing with None:", [0, 1, 2][None:None:None], (0, 1, 2)[slice(None, None, -1)])
try:
    slice(1, 2).start = 5
except AttributeError as e:
    print("readonly attrs:", type(e).__name__)
print("ellipsis:", ..., Ellipsis is ..., repr(...), type(...) is types.EllipsisType)
