# The format-spec mini-language across types.
rows = [
    ("s", "hi", ["", "<6", ">6", "^6", "*^7", ".1", "6.1", "06"]),
    ("int", 1234, ["", "d", "8", "<8", "^8", "=+8", "08", "+", "-", " ", ",", "_", "x", "#x", "#o", "#b", "_x", "b", "c", "n", "08,"]),
    ("neg", -42, ["", "08", "=8", "+", " ", "x", "#x", "b"]),
    ("float", 3.5, ["", "g", "e", "f", ".0f", "08.2f", "+.3", "%", ".0%", "10", "<10", "#.0e"]),
    ("bool", True, ["", "d", "^6", ">5"]),
]
for label, value, specs in rows:
    for spec in specs:
        try:
            print(f"{label}:{spec!r:8} -> {format(value, spec)!r}")
        except ValueError as e:
            print(f"{label}:{spec!r:8} -> ValueError: {e}")
for value, spec in [("hi", "d"), ("hi", ",") , ("hi", "=5"), (1, ".5s"), (1.0, "c"), (5, "#c"), ("hi", "+"), (1, "z")]:
    try:
        format(value, spec)
    except ValueError as e:
        print(f"{value!r} {spec!r}: {e}")
print("None format:", format(None), format(None, ""), "{}".format(None))
try:
    format(None, "s")
except TypeError as e:
    print("None with spec:", e)
print("fill with brace-like chars:", format("x", "{^5"), format(7, "}>4"))
print("width only for number aligns right:", repr(format(5, "4")), repr(format("5", "4")))
