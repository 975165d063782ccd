# list.sort in place: identity preserved, mutation during sort detected, key errors.
lst = [5, 3, 1]
ident = id(lst)
lst.sort()
print(lst, id(lst) == ident)
def sneaky_key(x):
    data.append(x)
    return x
data = [3, 1, 2]
try:
    data.sort(key=sneaky_key)
except ValueError as e:
    print("ValueError:", e)
def bad_key(x):
    if x == 2:
        raise KeyError("key failed")
    return x
vals = [3, 2, 1]
try:
    vals.sort(key=bad_key)
except KeyError as e:
    print("KeyError:", e, vals)
try:
    [].sort(reverse=None)
    print("reverse=None accepted")
except TypeError as e:
    print("TypeError:", e)
try:
    [1].sort(None)
except TypeError as e:
    print("TypeError:", e)
t = (3, 1, 2)
print(sorted(t), t, sorted("bca"), sorted({3: 1, 1: 2}), sorted(x for x in [2, 1]))
