# next() default vs StopIteration across iterator kinds; iter() of various builtins returns distinct iterator types.
kinds = {"list": [1], "tuple": (1,), "str": "a", "bytes": b"a", "range": range(1), "dict": {"k": 1}, "set": {1},
         "dict.items": {"k": 1}.items(), "generator": (x for x in [1]), "zip": zip([1]), "enumerate": enumerate([1]),
         "map": map(int, "1"), "reversed": reversed([1])}
for name, obj in kinds.items():
    it = iter(obj)
    first = next(it)
    after = next(it, "<done>")
    print(f"{name:11} first={first!r:12} then={after!r:9} iter(it) is it: {iter(it) is it}")
def gen():
    yield 1
    return "value"
g = gen()
print("generator:", next(g), next(g, "default hides StopIteration.value"))
try:
    next(iter([]))
except StopIteration as e:
    print("bare StopIteration from next():", repr(e))
print("next with default None vs missing:", next(iter([]), None))
