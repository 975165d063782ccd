# Recursion through __getattribute__, __setattr__, __init__ and metaclass __call__.
class GetAttr:
    def __getattribute__(self, name):
        return self.__dict__[name]
try:
    GetAttr().x
except RecursionError:
    print("__getattribute__ recursion")
class SetAttr:
    def __setattr__(self, name, value):
        setattr(self, name, value)
try:
    SetAttr().y = 1
except RecursionError:
    print("__setattr__ recursion")
class Init:
    def __init__(self):
        Init()
try:
    Init()
except RecursionError:
    print("__init__ recursion")
class Meta(type):
    def __call__(cls, *a):
        return cls(*a)
class UsesMeta(metaclass=Meta):
    pass
try:
    UsesMeta()
except RecursionError:
    print("metaclass __call__ recursion")
class Good:
    def __getattribute__(self, name):
        return object.__getattribute__(self, name)
g = Good()
g.v = 5
print("object.__getattribute__ avoids recursion:", g.v)
