# Unpacking combined with conditional expressions, walrus and function results.
def split_pair(s):
    return tuple(s.split("=", 1)) if "=" in s else (s, None)
for item in ["a=1", "flag", "k=v=w"]:
    key, value = split_pair(item)
    print(key, value)
if (pair := split_pair("x=9"))[1] is not None:
    k, v = pair
    print("walrus then unpack:", k, v)
a, b = (1, 2) if True else (3, 4)
print(a, b)
(c, d), e = ((5, 6), 7) if a < b else ((0, 0), 0)
print(c, d, e)
first, *_ = sorted({3, 1, 2}) or [None]
print(first)
x, y = y, x = 1, 2
print(x, y)
