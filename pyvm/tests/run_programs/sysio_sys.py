# The sys module's common attributes.
import sys

print(sys.version_info >= (3, 8), sys.version_info[:2], sys.version_info.major)
print(tuple(sys.version_info)[:3] == (sys.version_info.major, sys.version_info.minor, sys.version_info.micro))
print(type(sys.argv), sys.argv[0].endswith("sysio_sys.py"))
print(type(sys.path), type(sys.modules), sys.modules["sys"] is sys)
print(sys.maxsize == 2**63 - 1, sys.maxunicode, sys.byteorder, sys.platform)
print(sys.getrecursionlimit())
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
print(sys.flags.optimize, sys.flags.verbose, sys.dont_write_bytecode in (True, False))
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig)
print(sys.int_info.bits_per_digit, sys.hash_info.width, sys.hash_info.modulus)
print(type(sys.implementation.name), sys.implementation.cache_tag is not None)
print(sys.getdefaultencoding(), sys.getfilesystemencoding())
print(sys.intern("abc"), sys.exc_info(), sys.exception())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), sys.exception() is v)
print(sys.stdout is sys.__stdout__, sys.stderr.name, sys.stdin.name)
print(sys.getsizeof(1) > 0, sys.getrefcount(object()) > 0)
print("sys" in sys.builtin_module_names, "os" in sys.stdlib_module_names)
print(sys.warnoptions, type(sys._xoptions))


def who():
    return sys._getframe().f_code.co_name, sys._getframe(1).f_code.co_name


print(who())
print(sys._getframe().f_globals is globals(), sys._getframe().f_lineno)
for bad in [lambda: sys.setrecursionlimit(0), lambda: sys.intern(1), lambda: sys._getframe(999)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
sys.stdout.write("written\n")
print(sys.stdout.write("abc\n"))
print(sys.settrace(None), sys.gettrace())
sys.displayhook(42)
sys.displayhook(None)
import builtins
print(builtins._)
try:
    sys.exit(0)
except SystemExit as e:
    print("SystemExit", e.args)
try:
    sys.exit("message")
except SystemExit as e:
    print("SystemExit", e.args)
print("to stderr", file=sys.stderr)
sys.stderr.write("more stderr\n")
print("last stdout line")
sys.exit("exit message")
