# codecs.register_error: custom handlers for encoding and decoding, and built-in handler behaviour on mixed text.
import codecs
def bracket(err):
    bad = err.object[err.start:err.end]
    if isinstance(err, UnicodeEncodeError):
        return "".join(f"[U+{ord(c):04X}]" for c in bad), err.end
    return "".join(f"[{b:02x}]" for b in bad), err.end
codecs.register_error("bracket", bracket)
print("encode:", "naïve ☕".encode("ascii", "bracket"))
print("decode:", b"caf\xe9 \xff!".decode("utf-8", "bracket"))
def skip_two(err):
    return "?", min(err.end + 1, len(err.object))
codecs.register_error("skip_two", skip_two)
print("handler can skip ahead:", "aéxb".encode("ascii", "skip_two"))
print("lookup:", codecs.lookup_error("bracket") is bracket, codecs.lookup_error("strict").__name__)
try:
    "é".encode("ascii", "no-such-handler")
except LookupError as e:
    print("unknown handler:", e)
def bad_handler(err):
    return 42
codecs.register_error("bad", bad_handler)
try:
    "é".encode("ascii", "bad")
except TypeError as e:
    print("handler must return tuple:", e)
