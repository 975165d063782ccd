# Conversions involving bool and None: int/float/str of bools, truthiness of conversions, str round trips.
print(int(True), float(False), complex(True), str(True), repr(False), bool("False"), bool(""), bool("0"), bool(0.0))
print("bool from strings is truthiness, not parsing:", [bool(s) for s in ["True", "False", "0", "", " "]])
def parse_bool(s):
    v = s.strip().lower()
    if v in {"1", "true", "yes", "on"}:
        return True
    if v in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"not a boolean: {s!r}")
print("explicit parsing:", [parse_bool(s) for s in ["TRUE", " no ", "1", "off"]])
try:
    parse_bool("maybe")
except ValueError as e:
    print(e)
print("None conversions:", str(None), repr(None), bool(None))
for fn in (int, float, complex, bytes):
    try:
        fn(None)
    except TypeError as e:
        print(f"{fn.__name__}(None):", e)
print("bool arithmetic result types:", type(True + True).__name__, type(True / 2).__name__, type(True * 1.5).__name__)
print("bool in string formatting:", f"{True:d} {False:>6} {True!r}", "%d %s" % (True, False))
print("json bool/None:", __import__("json").dumps([True, False, None]), __import__("json").loads("[true, null]"))
