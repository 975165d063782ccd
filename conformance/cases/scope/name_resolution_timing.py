# Names are resolved when code runs, not when it is defined.
def f():
    return helper()
try:
    f()
except NameError as e:
    print("NameError:", e)
def helper():
    return "helper now exists"
print(f())
def helper():
    return "helper was redefined"
print(f())
class A:
    def m(self):
        return B.tag
class B:
    tag = "B defined after A"
print(A().m())
x = 1
def show():
    return x
x = 2
print(show())
defaults_bound_early = x
def with_default(v=x):
    return v
x = 3
print(with_default(), defaults_bound_early)
