# str.split / rsplit / splitlines edge cases.
print("split():", "  a  b\tc\n ".split(), "".split(), "   ".split())
print("split(' '):", "  a  b ".split(" "), "".split(" "))
print("maxsplit:", "a b c d".split(None, 2), "a,b,c,d".split(",", 1), "a,b".split(",", 0), "a,b".split(",", -1))
print("rsplit:", "a b c d".rsplit(None, 2), "a,b,c".rsplit(",", 1), "  x  y  ".rsplit(None, 1))
print("multi-char sep:", "a<>b<><>c".split("<>"), "aaa".split("aa"))
try:
    "abc".split("")
except ValueError as e:
    print("empty sep:", e)
print("sep kw:", "1-2-3".split(sep="-", maxsplit=1))
print("unicode whitespace:", "a\u3000b\u2028c\x1cd\x85e".split())
print("splitlines:", "a\nb\r\nc\rd\x0be\x0cf\x1cg\u2028h".splitlines())
print("splitlines keepends:", "a\r\nb\n\nc".splitlines(True), "x\n".splitlines(), "".splitlines())
print("partition:", "k=v=w".partition("="), "kv".partition("="), "k=v=w".rpartition("="), "kv".rpartition("="))
try:
    "x".partition("")
except ValueError as e:
    print("partition empty:", e)
try:
    "x".split(1)
except TypeError as e:
    print("non-str sep:", e)
