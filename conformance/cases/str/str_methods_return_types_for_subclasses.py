# str methods on subclasses return exact str; operations that return self unchanged still return str.
class Tagged(str):
    tag = "t"
s = Tagged("Hello World")
results = {
    "upper": s.upper(), "strip": s.strip(), "replace-noop": s.replace("zz", ""), "slice": s[:], "join": "".join([s]),
    "concat": s + "", "mul1": s * 1, "format": format(s), "fstring": f"{s}", "str()": str(s), "split0": s.split()[0],
    "partition": s.partition(" ")[0], "center": s.center(3), "zfill": s.zfill(1), "expandtabs": s.expandtabs(),
    "lower": s.lower(), "casefold": s.casefold(), "removeprefix": s.removeprefix("zz"), "%": "%s" % s,
}
for name, r in results.items():
    print(f"{name:13} {type(r).__name__:6} {r!r}")
print("subclass repr/equality/hash:", repr(s), s == "Hello World", hash(s) == hash("Hello World"))
class Upper(str):
    def __str__(self):
        return self.upper()
    def __format__(self, spec):
        return "fmt:" + str.__format__(self, spec)
w = Upper("quiet")
print("str() uses __str__ override:", str(w), "print:", w, "f-string:", f"{w}", "format spec:", f"{w:>8}", "%s:", "%s" % w)
