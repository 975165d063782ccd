# Keywords and soft keywords, identifiers, builtins shadowing.
import keyword
print(len(keyword.kwlist), keyword.iskeyword('match'), keyword.issoftkeyword('match'))
print(sorted(keyword.softkwlist))
match = 1
case = 2
_ = match + case
print(match, case, _)
ünïcödé = "non-ASCII identifiers"
print(ünïcödé)
list = [3, 1]   # shadow a builtin
print(list)
del list
print(list((1, 2)))
for src in ["class = 1", "def if(): pass", "None = 1", "True = 0", "__debug__ = 1", "x.None"]:
    try:
        compile(src, "<k>", "exec")
        print("ok:", src)
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
