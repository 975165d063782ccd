# str methods called with bad arguments raise TypeError/ValueError with CPython's messages.
calls = [
    lambda: "a".center(),
    lambda: "a".center("5"),
    lambda: "a".split(maxsplit="x"),
    lambda: "a".join(),
    lambda: "a".replace("a"),
    lambda: "a".replace(1, "b"),
    lambda: "a".find(1),
    lambda: "a".count("a", "0"),
    lambda: "a".startswith(),
    lambda: "a".strip(5),
    lambda: "a".zfill(1.5),
    lambda: "a".encode(5),
    lambda: "a".expandtabs("8"),
    lambda: "a".upper(1),
    lambda: "a".ljust(3, ""),
    lambda: str.upper(),
    lambda: "a".splitlines("x"),
    lambda: "a".format_map(5),
    lambda: "a".removeprefix(None),
    lambda: "{0}".format_map({}),
    lambda: "a" < None,
]
for i, call in enumerate(calls):
    try:
        r = call()
        print(i, "ok", repr(r))
    except (TypeError, ValueError, KeyError, IndexError) as e:
        print(i, type(e).__name__ + ":", e)
