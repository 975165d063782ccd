# %-formatting details: flags combinations, %r/%a with containers, tuple-vs-single argument rules, %s of tuple.
print("[%-+6d] [%+-6d] [% 05d] [%#08x] [%#-8o]" % (5, 5, 5, 255, 8))
print("[%.3d] [%5.3d] [%-5.2x]" % (7, 7, 10))
print("[%10.4s] [%-10.2r]" % ("abcdefgh", "xyz"))
print("%s" % ((1, 2),), "%s %s" % (1, 2), "%r" % ([1, "a"],), "%a" % ("é",))
try:
    "%s" % (1, 2)
except TypeError as e:
    print("tuple arg arity:", e)
print("%s of a list arg is fine:", "%s" % [1, 2])
print("%(a)s %(a)r %(b)05.1f" % {"a": "x", "b": 2.25})
print("%(a)s with extra keys and %%" % {"a": 1, "b": 2} + "%")
try:
    "%(a)s %s" % {"a": 1}
except TypeError as e:
    print("mixing named and positional:", e)
print("%i %u %d of bool/float:", "%i %u %d" % (True, 3.9, -2.5))
print("%e %E %g %G of big/small:", "%e %E %g %G" % (1e100, 1e-100, 1e16, 1e-5))
print("%x of negative/big:", "%x %X %o" % (-255, 2**70, -8))
print("inf/nan:", "%f %e %g %5.1f" % (float("inf"), float("-inf"), float("nan"), float("inf")))
print("%c with str of len 1:", "%c%c" % ("é", 128512))
print("width from * with negative value:", "[%*d]" % (-5, 42))
class F:
    def __float__(self): return 2.5
    def __index__(self): return 7
    def __int__(self): return 7
print("%f/%d/%x via protocols:", "%f %d %x" % (F(), F(), F()))
