# bytes indexing returns ints, slicing returns bytes; concatenation and comparison.
b = b"hello"
print("index:", b[0], b[-1], type(b[0]).__name__)
print("slice:", b[1:3], b[::-1], b[::2], type(b[1:2]).__name__)
try:
    b[10]
except IndexError as e:
    print("out of range:", e)
try:
    b[0] = 1
except TypeError as e:
    print("immutable:", e)
print("iterate:", list(b"abc"), [chr(c) for c in b"xyz"])
print("concat:", b"ab" + b"cd", b"ab" + bytearray(b"x"), type(b"ab" + bytearray(b"x")).__name__, bytearray(b"x") + b"ab")
try:
    b"ab" + "cd"
except TypeError as e:
    print("bytes + str:", e)
print("repeat:", b"ab" * 3, 0 * b"x")
print("compare:", b"abc" < b"abd", b"ab" < b"abc", b"\xff" > b"a", b"a" == bytearray(b"a"), b"a" == "a")
try:
    b"a" < "a"
except TypeError as e:
    print("bytes < str:", e)
print("len/min/max/sum:", len(b"abc"), min(b"abc"), max(b"abc"), sum(b"\x01\x02"))
print("hash equal to bytearray not hashable:", hash(b"x") == hash(b"x"))
try:
    hash(bytearray(b"x"))
except TypeError as e:
    print("bytearray hash:", e)
print("percent formatting:", b"%s-%d-%x-%c-%r" % (b"s", 5, 255, 65, b"q"), b"%5s|%-5s|" % (b"a", b"b"), b"%%" % ())
try:
    b"%s" % "text"
except TypeError as e:
    print("bytes %s str:", e)
print("%a with str:", b"%a" % "é")
print("%b:", b"%b" % bytearray(b"ba"))
