# bytes partition/replace/count accept any bytes-like argument and int only where documented.
data = b"key=value=more"
print("partition:", data.partition(b"="), [bytes(p) for p in data.rpartition(bytearray(b"="))], [bytes(p) for p in data.partition(memoryview(b"="))])
for bad in ("=", 61):
    try:
        data.partition(bad)
    except TypeError as e:
        print(f"partition({bad!r}):", e)
print("replace with bytearray/memoryview:", data.replace(bytearray(b"="), memoryview(b": ")))
try:
    data.replace(61, b":")
except TypeError as e:
    print("replace int:", e)
print("count accepts int:", data.count(61), data.count(b"e"), data.count(bytearray(b"=m")))
print("replace count & empty:", b"aaa".replace(b"a", b"b", 2), b"ab".replace(b"", b"-"), b"".replace(b"", b"x"))
print("split/rsplit maxsplit:", data.split(b"=", 1), data.rsplit(b"=", 1))
print("bytearray methods mirror:", bytearray(data).partition(b"="), bytearray(b"a-b").replace(b"-", b"+"))
