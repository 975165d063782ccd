# += on lists extends in place (any iterable), on tuples and strings rebinds.
lst = [1, 2]
ref = lst
lst += (3, 4)
lst += "ab"
lst += range(2)
print(lst, ref is lst)
try:
    lst = lst + (5,)
except TypeError as e:
    print("TypeError:", e)
t = (1,)
tref = t
t += (2,)
print(t, tref, t is tref)
s = "ab"
s += "cd"
s *= 2
print(s)
l2 = [0]
l2 *= 3
print(l2)
tup = ([1],)
try:
    tup[0] += [2]
except TypeError as e:
    print("TypeError:", e)
print(tup)
b = bytearray(b"x")
b += b"yz"
b *= 2
print(b)
st = {1}
st |= {2}
st &= {2, 3}
st ^= {4}
st -= {4}
print(st)
d = {"a": 1}
d |= {"b": 2}
d |= [("c", 3)]
print(d)
