# printf-style % formatting for str.
print("%s|%r|%a" % ("é", "é", "é"))
print("%d %i %u" % (42, -3, 7), "%5d|%-5d|%05d" % (1, 2, 3), "%+d % d" % (5, 5))
print("%x %X %o %#x %#o %#X" % (255, 255, 8, 255, 8, 255))
print("%e %E %.2e" % (12345.678, 0.00012, 1.5))
print("%f %.1f %10.3f|%-10.2f|" % (1.5, 2.25, 3.14159, 2.5))
print("%g %G %.3g" % (0.00001234, 1e20, 1234.5))
print("%c%c%c" % (72, "i", 0x263A))
print("%% literal: %d%%" % 50)
print("dict: %(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("star width/precision: [%*d] [%-*s] [%.*f]" % (5, 42, 4, "ab", 2, 3.14159))
print("single non-tuple:", "%s" % [1, 2], "%s" % (1,), "%r" % ((1, 2),))
print("%s with int/float:", "%s %s %s" % (1, 2.5, None))
print("%d of float truncates:", "%d" % 3.99, "%d" % -3.99)
print("precision on %s:", "%.2s" % "abcdef", "%5.1s|" % "xyz")
for fmt, args in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(a)s", 1), ("%c", 1114112), ("%c", "ab"),
                  ("%x", 1.5), ("%", ())]:
    try:
        fmt % args
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(repr(fmt), type(e).__name__ + ":", e)
print("mapping with unused keys:", "%(a)s" % {"a": 1, "b": 2})
print("bytes-like %s on str:", "%s" % b"ab")
