# Mutual recursion and recursion through __getattr__, properties and __eq__.
def ping(n):
    return "done" if n == 0 else pong(n - 1)
def pong(n):
    return "done" if n == 0 else ping(n - 1)
print(ping(900))
try:
    ping(10 ** 6)
except RecursionError:
    print("mutual recursion hits the limit")
class Loop:
    def __getattr__(self, name):
        return getattr(self, "x_" + name)
try:
    Loop().attr
except RecursionError:
    print("__getattr__ recursion hits the limit")
class Prop:
    @property
    def p(self):
        return self.p
try:
    Prop().p
except RecursionError:
    print("property recursion hits the limit")
class Eq:
    def __eq__(self, other):
        return self == other
try:
    Eq() == Eq()
except RecursionError:
    print("__eq__ recursion hits the limit")
