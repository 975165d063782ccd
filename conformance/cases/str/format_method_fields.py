# str.format field syntax: auto/manual numbering, attributes, indexes, conversions, nesting.
print("{} {} {}".format(1, "a", None))
print("{1} {0} {1}".format("x", "y"))
print("{name} is {age}".format(name="Bo", age=3))
print("{0[0]} {0[key]} {1.real}".format({0: "zero", "key": "v"}, 3 + 4j))
print("{0[1]}".format("abc"))
print("conversions: {0!s} {0!r} {0!a}".format("ñ"))
print("nested spec: {0:{1}{2}}|".format("x", ">", 5), "{:{w}.{p}f}".format(3.14159, w=8, p=2))
print("escaped braces: {{}} {{{0}}}".format(7))
print("format_map:", "{a}-{b}".format_map({"a": 1, "b": 2}))
class Missing(dict):
    def __missing__(self, k):
        return f"<{k}>"
print("format_map __missing__:", "{x} {y}".format_map(Missing(x=1)))
errors = [("{} {1}", (1, 2), {}), ("{0} {}", (1, 2), {}), ("{2}", (1,), {}), ("{x}", (), {}), ("{", (), {}),
          ("}", (), {}), ("{0!x}", (1,), {}), ("{0.nope}", (1,), {}), ("{0[5]}", ([1],), {}), ("{:d}", ("s",), {}),
          ("{0[}", (1,), {}), ("{!r}", (), {})]
for fmt, args, kw in errors:
    try:
        fmt.format(*args, **kw)
    except (ValueError, IndexError, KeyError, AttributeError, TypeError) as e:
        print(repr(fmt), type(e).__name__ + ":", e)
print("index string keys are str:", "{0[a]}".format({"a": "str-key"}))
print("extra args ignored:", "{0}".format(1, 2, 3, k=4))
