# Nested classes cannot see enclosing class attributes; functions can see enclosing functions.
class Outer:
    value = "outer"
    class Inner:
        try:
            seen = value
        except NameError as e:
            seen = "NameError: " + str(e)
    def method(self):
        class Local:
            attr = self.value
        return Local.attr
print(Outer.Inner.seen, Outer().method())
def func():
    v = "func local"
    class K:
        attr = v
        def m(self):
            return v
    return K.attr, K().m()
print(func())
def func2():
    v = "enclosing"
    class K:
        v = "class level"
        def m(self):
            return v
        w = v
    return K().m(), K.w
print(func2())
