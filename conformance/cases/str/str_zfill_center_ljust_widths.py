# Padding methods with widths shorter/equal/longer than the string, signs in zfill, and odd centering.
for w in (0, 2, 3, 4, 5, 6, 7):
    print(w, repr("abc".center(w, "*")), repr("ab".center(w, "*")), repr("abc".ljust(w, ".")), repr("abc".rjust(w, ".")))
for s in ("42", "-42", "+42", "--4", "", "-", "4-2", "ab"):
    print(f"zfill({s!r}, 5) = {s.zfill(5)!r}")
print("format alignment equivalents:", f"{'ab':*^5}", "ab".center(5, "*"), f"{'abc':*^6}", "abc".center(6, "*"))
print("negative width:", repr("x".center(-5)), repr("x".zfill(-1)))
print("fill characters may be any single code point:", "ab".center(6, "é"), "ab".ljust(4, "😀"), "ab".rjust(4, "\t") == "\t\tab")
for bad_fill in ("", "ab", 5):
    try:
        "x".center(5, bad_fill)
    except TypeError as e:
        print(f"center fill {bad_fill!r}:", e)
print("zfill on str subclass returns str:", type(type("S", (str,), {})("7").zfill(3)).__name__)
print("widths are code points, not display columns:", len("日本".center(6)), "日本".center(6, "-"))
