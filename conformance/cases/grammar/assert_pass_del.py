# assert with and without messages, pass, and del of names, items, attributes, slices.
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError:", e.args)
try:
    assert []
except AssertionError as e:
    print("bare AssertionError:", e.args)
assert True, "never evaluated %s" % (1 / 1)
class C:
    pass
c = C()
c.attr = 1
del c.attr
print(hasattr(c, 'attr'))
lst = list(range(10))
del lst[0], lst[-1]
del lst[::2]
print(lst)
d = {'a': 1, 'b': 2}
del d['a']
print(d)
x = 5
del x
try:
    x
except NameError as e:
    print("NameError:", e)
try:
    del undefined_name
except NameError as e:
    print("NameError:", e)
def empty():
    pass
print(empty())
