# str.format argument resolution: positional/keyword mixing, repeated use, attribute/index chains, format_map vs format.
class User:
    def __init__(self):
        self.name = "ann"
        self.tags = ["admin", "dev"]
        self.meta = {"id": 7}
u = User()
print("{0.name} has {0.tags[1]} (id {0.meta[id]}) and {n} {0.name!r:>8}".format(u, n="notes"))
print("{} {} {k} {}".format(1, 2, 3, k="kw"))
print("{1}{0}{1}".format("a", "b"), "{x}{x}".format(x="-"))
print("{0[0][1]} {0[1][key]}".format([["p", "q"], {"key": "v"}]))
print("numeric strings in [] are ints for sequences:", "{0[1]}".format(("zero", "one")), "{0[-1]}".format({"-1": "str key"}))
print("format_map does not copy the mapping:", "{a}".format_map(type("M", (dict,), {"__missing__": lambda s, k: "m"})()))
print("spec can reference other args:", "{0:{1}.{2}f}|".format(3.14159, 10, 3), "{:{fill}^{w}}".format("c", fill="*", w=7))
print("too deep nesting:", end=" ")
try:
    "{:{:{}}}".format(1, 2, 3)
except ValueError as e:
    print(e)
print("empty field with attribute:", "{.real}".format(3 + 4j), "{[0]}".format("xyz"))
try:
    "{0.__class__.__name__}".format(5)
    print("dunder attribute access allowed:", "{0.__class__.__name__}".format(5))
except AttributeError as e:
    print(e)
