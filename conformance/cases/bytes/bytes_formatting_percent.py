# printf-style formatting for bytes (PEP 461): supported codes and errors.
print(b"%d %i %x %X %o" % (10, -3, 255, 255, 8))
print(b"%5d|%-5d|%05d|%+d" % (1, 2, 3, 4))
print(b"%.2f %e %g" % (3.14159, 12345.678, 0.0001))
print(b"%s %b" % (b"bytes", bytearray(b"ba")))
print(b"%s" % memoryview(b"mv"))
print(b"%c%c" % (65, b"B"))
print(b"%r %a" % ("é", "é"))
print(b"%(k)s=%(v)d" % {b"k": b"key", b"v": 5})
print(b"%%" % (), b"%5s|%-5s|" % (b"ab", b"cd"))
class B:
    def __bytes__(self):
        return b"custom"
print(b"%s" % B())
for fmt, arg in [(b"%s", "str"), (b"%s", 5), (b"%d", b"1"), (b"%c", 256), (b"%c", b"ab"), (b"%(k)s", {"k": b"v"}), (b"%y", 1)]:
    try:
        fmt % arg
    except (TypeError, ValueError, OverflowError, KeyError) as e:
        print(fmt, repr(arg), "->", type(e).__name__ + ":", e)
print("bytearray formatting returns bytearray:", bytearray(b"%d") % 5)
