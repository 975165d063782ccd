# UnicodeDecodeError attributes (encoding, object, start, end, reason) for several codecs, and str() of the error.
cases = [(b"ok\xffok", "utf-8"), (b"\xe2\x28\xa1", "utf-8"), (b"abc\x80", "ascii"), (b"\x00\xd8\x00\x00", "utf-16-le"),
         (b"\x00\x00\x11\x00", "utf-32-le"), (b"+AGE-x+", "utf-7"), (b"\x81\x39", "shift_jis")]
for data, enc in cases:
    try:
        data.decode(enc)
        print(enc, "decoded fine")
    except UnicodeDecodeError as e:
        print(f"{enc:10} start={e.start} end={e.end} reason={e.reason!r} bad={e.object[e.start:e.end]!r}")
        print("   str:", str(e))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("is ValueError subclass:", isinstance(e, ValueError), isinstance(e, UnicodeError), e.args[:1], type(e.object).__name__)
err = UnicodeDecodeError("utf-8", b"ab\xff", 2, 3, "custom reason")
print("constructed error:", str(err))
