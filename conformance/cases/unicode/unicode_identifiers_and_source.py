# Non-ASCII identifiers: NFKC normalization, invalid characters, attribute and keyword names.
ns = {}
exec("ℌ = 1\nﬀ = 2", ns)
print("normalized names:", sorted(k for k in ns if not k.startswith("__")))
print("same variable via different spellings:", eval("ℌ", ns), "H" in ns)
for src in ["x² = 1", "€ = 1", "a\u200bb = 1", "1x = 1", "ñ = 1"]:
    try:
        exec(src, {})
        print(repr(src), "ok")
    except SyntaxError as e:
        print(repr(src), "SyntaxError:", e.msg)
class Ünïcode:
    def méthode(self, paramètre=1):
        return paramètre * 2
o = Ünïcode()
print("class/method names:", type(o).__name__, o.méthode(paramètre=21), getattr(o, "méthode")())
def f(**kw):
    return sorted(kw)
print("unicode keyword args:", f(ñ=1, ß=2, 日本=3))
print("setattr with non-normalized name keeps it as-is:", (lambda obj: (setattr(obj, "ﬀ", 5), sorted(vars(obj)))[1])(type("T", (), {})()))
print("str.isidentifier agrees:", ["ℌ".isidentifier(), "x²".isidentifier(), "€".isidentifier()])
