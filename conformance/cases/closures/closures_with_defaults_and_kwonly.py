# Closures combined with default arguments, keyword-only arguments and *args.
def make_formatter(prefix, *, sep=": "):
    def fmt(*parts, upper=False, **extra):
        text = sep.join(str(p) for p in parts)
        if upper:
            text = text.upper()
        tail = "".join(f" [{k}={v}]" for k, v in sorted(extra.items()))
        return prefix + text + tail
    return fmt
log = make_formatter("LOG ")
err = make_formatter("ERR ", sep=" | ")
print(log("a", 1), err("disk", "full", upper=True), log(code=5, src="x"))
def defaults_capture(v):
    def f(a=v, b=[]):
        b.append(a)
        return b
    return f
f1 = defaults_capture("first")
print(f1(), f1(), f1("x"), defaults_capture("other")())
print(f1.__defaults__[0], len(f1.__defaults__[1]))
