# string module: constants, capwords, Template, Formatter.
import string
print("constants:", string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print("punctuation:", string.punctuation)
print("whitespace:", repr(string.whitespace), len(string.printable))
print("capwords:", string.capwords("  hello   wORLD  foo "), string.capwords("a-b c-d", "-"))
t = string.Template("$who likes ${what}s; $$5")
print("substitute:", t.substitute(who="Tim", what="kung pao"))
print("safe_substitute:", string.Template("$a $b").safe_substitute(a=1))
try:
    string.Template("$a $b").substitute(a=1)
except KeyError as e:
    print("missing key:", repr(e))
try:
    string.Template("$").substitute()
except ValueError as e:
    print("invalid placeholder:", e)
print("identifiers:", string.Template("$x ${y} $$").get_identifiers(), string.Template("$1").is_valid())
class Custom(string.Template):
    delimiter = "%"
print("custom delimiter:", Custom("%x and %%").substitute(x=9))
f = string.Formatter()
print("Formatter:", f.format("{0}-{k}", 1, k=2), list(f.parse("a{0:>3}b{x!r}c")))
