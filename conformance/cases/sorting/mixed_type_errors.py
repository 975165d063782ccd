# Sorting values that cannot be compared raises TypeError; the list may be partly modified.
# Which operand comes first in the message depends on the sort algorithm's
# comparison order, so only the set of types named is printed.
import re
def types_named(err):
    return sorted(set(re.findall(r"'(\w+)'", str(err))) - {'<'})
for data in [[3, "a", 1], [None, 1], [1j, 2j], [[1], (1,)]]:
    try:
        print(sorted(data))
    except TypeError as e:
        print("TypeError between", types_named(e))
print(sorted([1, 2.5, True, False, -1]))
print(sorted([(1, "b"), (1, "a"), (0, "z")]))
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError between", types_named(e))
print(sorted([{1, 2}, {1}], key=len))
lst = [3, 2, 1, object()]
try:
    lst.sort()
except TypeError:
    print("sort failed; length unchanged:", len(lst))
