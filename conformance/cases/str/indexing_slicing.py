# Indexing and slicing strings, including negative steps and out-of-range bounds.
s = "abcdefghij"
print("index:", s[0], s[-1], s[5])
for i in (10, -11):
    try:
        s[i]
    except IndexError as e:
        print(f"s[{i}]:", e)
print("slices:", s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[::2], s[1::3], s[::-1], s[8:2:-2], s[-1:-4:-1])
print("out of range slices:", repr(s[20:]), repr(s[5:2]), s[-100:3], s[3:100], repr(s[::-1][20:]))
print("slice object:", s[slice(1, 4)], s[slice(None, None, -3)])
try:
    s[::0]
except ValueError as e:
    print("zero step:", e)
try:
    s["1"]
except TypeError as e:
    print("str index:", e)
try:
    s[1.0]
except TypeError as e:
    print("float index:", e)
try:
    s[0] = "z"
except TypeError as e:
    print("assignment:", e)
print("huge indices in slice:", s[-10**30:10**30], s[10**30:])
print("bool index:", s[True], s[False:True])
print("iteration:", list("héllo"), [c for c in "ab"][::-1])
print("len of non-BMP:", len("𝄞a"), "𝄞a"[0] == "𝄞", "𝄞a"[::-1])
