# Decorator syntax: order of application, arguments, arbitrary expressions (PEP 614).
trace = []
def deco(tag):
    def wrap(f):
        trace.append(tag)
        def inner(*a):
            return f"{tag}({f(*a)})"
        return inner
    return wrap
@deco("outer")
@deco("inner")
def base(x):
    return x
print(trace, base(5))
decorators = {'twice': lambda f: lambda x: f(f(x))}
@decorators['twice']
def inc(x):
    return x + 1
print(inc(1))
@(lambda cls: setattr(cls, 'tagged', True) or cls)
class K:
    pass
print(K.tagged)
def count_calls(f):
    def wrapper(*a, **k):
        wrapper.calls += 1
        return f(*a, **k)
    wrapper.calls = 0
    return wrapper
@count_calls
def hello():
    return "hi"
hello(); hello()
print(hello.calls, hello.__name__)
