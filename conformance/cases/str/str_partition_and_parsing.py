# Practical parsing with str methods: key=value config, CSV-ish lines, paths, and tokenizing.
config = """
# comment
name = demo
  port=8080
path = /usr/local/bin
empty =
flag
"""
settings = {}
for line in config.splitlines():
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    key, sep, value = line.partition("=")
    settings[key.strip()] = value.strip() if sep else True
print("config:", settings)
row = 'alpha, "beta", gamma ,,delta'
print("split+strip:", [c.strip().strip('"') for c in row.split(",")])
path = "/home/user/docs/report.final.txt"
head, _, tail = path.rpartition("/")
stem, _, ext = tail.rpartition(".")
print("path parts:", head, stem, ext, path.count("/"), path.split("/", 2))
expr = "12 + 345*6 - (7/8)"
tokens = []
num = ""
for ch in expr:
    if ch.isdigit():
        num += ch
        continue
    if num:
        tokens.append(num)
        num = ""
    if not ch.isspace():
        tokens.append(ch)
if num:
    tokens.append(num)
print("tokens:", tokens)
print("title-case words:", " ".join(w.capitalize() for w in "the QUICK brown fox".split()))
print("removeprefix loop:", [s.removeprefix("test_") for s in ["test_a", "b", "test_test_c"]])
print("str.isdigit filter:", [t for t in tokens if t.isdigit()], sum(int(t) for t in tokens if t.isdigit()))
