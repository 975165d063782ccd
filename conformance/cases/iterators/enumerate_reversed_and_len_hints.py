# enumerate/reversed/zip objects: iterator types, no len(), reversed(enumerate) impossible, length_hint behaviour.
import operator
e = enumerate("abc")
print("enumerate is iterator:", iter(e) is e, next(e))
try:
    len(e)
except TypeError as err:
    print("len(enumerate):", err)
try:
    reversed(enumerate("ab"))
except TypeError as err:
    print("reversed(enumerate):", err)
print("reverse an enumeration via list:", list(reversed(list(enumerate("ab")))))
print("enumerate reversed sequence:", list(enumerate(reversed("abc"))))
r = reversed([1, 2, 3])
print("reversed length_hint:", operator.length_hint(r), next(r), operator.length_hint(r))
z = zip([1, 2], "abc")
print("zip length_hint (no hint):", operator.length_hint(z, -1))
it = iter(range(5))
next(it)
print("range iterator hint after next:", operator.length_hint(it))
print("list iterator hint tracks list growth:", (lambda l: (operator.length_hint(iter(l)), l.append(0), operator.length_hint(iter(l)))[::2])([1, 2]))
