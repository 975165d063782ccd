# Or-patterns with literals, -0, floats, strings, None/True/False identity semantics.
def lit(v):
    match v:
        case 0 | 0.0:
            return "zero-ish"
        case "a" | "b" | "c":
            return "letter"
        case None | False:
            return "falsy singleton"
        case -1 | -2.5:
            return "negative literal"
        case 1e3:
            return "thousand"
        case 1 - 1j:
            return "complex literal"
        case b"bytes" | "str":
            return "bytes or str"
    return "other"
for v in [0, 0.0, -0.0, False, "b", None, -1, -2.5, 1000, 1000.0, 1 - 1j, b"bytes", "str", 0j, []]:
    print(repr(v), lit(v))
