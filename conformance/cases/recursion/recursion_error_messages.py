# RecursionError messages from different sources, and isinstance/issubclass recursion.
import sys
def plain():
    plain()
try:
    plain()
except RecursionError as e:
    print("function:", e)
class Meta(type):
    def __instancecheck__(cls, inst):
        return isinstance(inst, cls)
class Checked(metaclass=Meta):
    pass
try:
    isinstance(1, Checked)
except RecursionError as e:
    print("__instancecheck__:", type(e).__name__)
d = {}
class Key:
    def __eq__(self, other):
        return self == other
    def __hash__(self):
        return 1
d[Key()] = 1
try:
    d[Key()]
except RecursionError as e:
    print("dict lookup via __eq__:", type(e).__name__)
print(sys.getrecursionlimit())
