# %-formatting, str.format and f-strings side by side with nested fields.
name, n, f = "pyvm", 42, 3.14159
print("%s has %d items costing %.2f" % (name, n, f))
print("%(a)s-%(b)05d" % {"a": "x", "b": 7}, "%x %o %e %%" % (255, 8, 12345.678))
print("{} {}".format(name, n), "{1} {0}".format("a", "b"), "{n:>6}|".format(n=n))
print("{0[1]} {1.real} {2[k]}".format([10, 20], 3 + 4j, {"k": "v"}))
print(f"{name!r:>8}", f"{n:08b}", f"{f:+.3e}", f"{n:,}", f"{1234567:_}")
print(f"{'centered':^14}|", f"{'x':*<5}", f"{-5:=+6}", f"{0.25:%}")
w = 7
print(f"{f:{w}.{2}f}|", f"{[1, 2]!s}", f"{n:{'x' if n else 'd'}}")
print(f"{'nested {braces}'}", f"{{literal}}", f"{n!a}")
