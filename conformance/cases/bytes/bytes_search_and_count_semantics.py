# bytes/bytearray find/index/count with int needles, bounds and overlapping counts.
data = b"aXbXXcXXXd"
print("find int:", data.find(ord("X")), data.find(88, 2), data.rfind(88), data.index(ord("d")))
print("count non-overlapping:", data.count(b"XX"), b"aaaa".count(b"aa"), data.count(88), data.count(b""))
print("find bounds:", data.find(b"X", -3), data.find(b"X", 4, 5), data.find(b"", 10), data.find(b"", 11))
print("startswith tuple & bounds:", data.startswith((b"z", b"aX")), data.startswith(b"X", 1), data.endswith(b"Xd", 0, 10))
print("rindex/rfind:", data.rindex(b"XX"), data.rfind(b"Q"))
try:
    data.index(b"Q")
except ValueError as e:
    print("index missing:", e)
try:
    data.rindex(200)
except ValueError as e:
    print("rindex missing int:", e)
print("in with int/bytes:", 88 in data, b"cX" in data, bytearray(b"bX") in data, b"Xd" in data)
print("split on runs:", data.split(b"X"), [p for p in data.split(b"X") if p])
print("replace count:", data.replace(b"X", b"-", 3), data.replace(b"XX", b"=")) 
