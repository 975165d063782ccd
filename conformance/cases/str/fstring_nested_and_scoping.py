# f-string expression scoping: closures, comprehensions inside, class bodies, lambdas, walrus, and nested quotes.
x = "global"
def outer():
    x = "enclosing"
    return lambda: f"{x}"
print(outer()())
class K:
    y = "class"
    z = f"{y}-in-body"
print(K.z)
print(f"{[f'{i}{j}' for i in 'ab' for j in '12']}")
print(f"{(lambda n: n * 2)(21)}")
print(f"{(n := 5) * 2} then n={n}")
nums = [3, 1, 2]
print(f"{sorted(nums)!r:>12}|{max(nums):03}|{', '.join(map(str, nums))}")
print(f"{'{'}{'}'} braces via expressions")
d = {"key": "value"}
print(f"{d['key']!r} {d.get('missing', 'default')}")
print(f"{'nested':{'>'}{12}}|")
width = 8
print(f"{'x':{'^' if width > 5 else '<'}{width}}|")
def gen():
    yield 1
print(f"{next(gen())} {sum(i for i in range(4))}")
print(f"{x if x else 'empty'}", f"{not x}", f"{x!s:.3}")
