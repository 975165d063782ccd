# bytearray is a mutable bytes sequence.
ba = bytearray(b"hello")
ba[0] = 72
ba[1:3] = b"EY"
print(ba)
ba.append(33)
ba.extend(b"??")
ba.extend([46, 46])
print(ba, len(ba))
ba.insert(0, 62)
print("insert:", ba)
print("pop:", ba.pop(), ba.pop(0), ba)
ba.remove(ord("?"))
print("remove:", ba)
del ba[0:2]
print("del slice:", ba)
ba[::2] = b"xxx"
print("extended slice assign:", ba)
try:
    ba[::2] = b"y"
except ValueError as e:
    print("size mismatch:", e)
try:
    ba[0] = 256
except ValueError as e:
    print("out of range:", e)
try:
    ba[0] = b"a"
except TypeError as e:
    print("bytes item:", e)
try:
    ba.remove(200)
except ValueError as e:
    print("remove missing:", e)
ba.reverse()
print("reverse:", ba)
c = ba.copy()
c.clear()
print("copy/clear:", c, ba)
ba += b"!!"
print("iadd:", ba)
ba *= 2
print("imul:", ba)
print("slice assign with int list:", (lambda x: (x.__setitem__(slice(0, 1), [1, 2, 3]), x)[1])(bytearray(b"z")))
print("bytearray(int), fromhex:", bytearray(3), bytearray.fromhex("ff00"))
print("methods return bytearray:", type(bytearray(b"a").upper()).__name__, type(bytearray(b"a b").split()[0]).__name__)
try:
    bytearray(b"abc").pop(10)
except IndexError as e:
    print("pop out of range:", e)
try:
    bytearray().pop()
except IndexError as e:
    print("pop empty:", e)
