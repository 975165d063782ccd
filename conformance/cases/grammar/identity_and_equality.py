# is vs ==: None, singletons, containers, and objects defining __eq__.
a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b, a is c, a != b, a is not b)
print(None is None, type(None)() is None, ... is Ellipsis, NotImplemented is NotImplemented)
class AlwaysEqual:
    def __eq__(self, other):
        return True
ae = AlwaysEqual()
print(ae == 1, ae == None, ae is None, 1 == ae)
print([ae] == [1], ae in [1, 2], (ae, 2) == (5, 2))
class NeverEqual:
    def __eq__(self, other):
        return False
ne = NeverEqual()
print(ne == ne, ne in [ne], [ne] == [ne])
nan = float("nan")
print(nan == nan, nan is nan, nan in [nan], [nan] == [nan])
print(True == 1, {1: "a"}[True], {True: "b", 1: "c"})
