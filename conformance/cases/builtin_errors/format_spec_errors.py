# Invalid format specifications for format(), str.format and f-strings.
tries = [
    lambda: format(1, "q"), lambda: format(1.5, "x"), lambda: format("s", "05d"), lambda: format(1, ",_"),
    lambda: format(1, "=^="), lambda: format(1, ".2"), lambda: format("abc", "=10"), lambda: format(1j, "="),
    lambda: format(1, "+s"), lambda: format([], "x"), lambda: format(object(), "d"), lambda: "{:<<<}".format(1),
    lambda: "{0:{1}}".format(1, "q"), lambda: "{!x}".format(1), lambda: "{a.b}".format(a=1),
    lambda: "{0[}".format([1]), lambda: "{".format(), lambda: "}".format(), lambda: format(1.0, "c"),
    lambda: format(1, "c"), lambda: format(0x110000, "c"), lambda: format(True, "s"), lambda: format(None, ""),
]
for t in tries:
    try:
        print("ok:", repr(t()))
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, OverflowError) as e:
        print(f"{type(e).__name__}: {e}")
