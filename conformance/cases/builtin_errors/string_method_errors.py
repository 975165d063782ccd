# Errors from str and bytes methods given bad arguments.
tries = [
    lambda: "a".join([1, 2]), lambda: ", ".join(5), lambda: "abc".replace(1, 2),
    lambda: "abc".split(""), lambda: "x".center(5, "ab"), lambda: "x".zfill("5"),
    lambda: "abc".startswith(["a"]), lambda: "%d" % "x", lambda: "%s %s" % ("a",),
    lambda: "%s" % ("a", "b"), lambda: "{}{}".format(1), lambda: "{0}{}".format(1, 2),
    lambda: "{x}".format(y=1), lambda: "{:d}".format("s"), lambda: format(1.5, "d"),
    lambda: "abc".encode("no-such-codec"), lambda: b"\xff".decode("ascii"),
    lambda: "é".encode("ascii"), lambda: b"a".join(["b"]), lambda: bytes("abc"),
    lambda: bytes([256]), lambda: bytes(-1), lambda: "abc".translate(5),
    lambda: str.maketrans("ab", "c"), lambda: "a".expandtabs("x"),
]
for t in tries:
    try:
        print("ok:", repr(t()))
    except (TypeError, ValueError, LookupError, KeyError, IndexError) as e:
        print(f"{type(e).__name__}: {e}")
