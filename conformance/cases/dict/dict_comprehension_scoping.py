# Comprehension scoping for dict/set comprehensions: loop variables don't leak; class-body scoping quirks.
k = "outer-k"
v = "outer-v"
d = {k: v for k, v in [("a", 1), ("b", 2)]}
print("no leak:", d, k, v)
class C:
    base = 10
    squares = {n: n * n for n in range(3)}
    try:
        scaled = {n: n * base for n in range(3)}
    except NameError as e:
        scaled = f"NameError: {e}"
    first_iterable_ok = {n: n for n in range(base // 5)}
print("class body comprehension:", C.squares, C.scaled, C.first_iterable_ok)
funcs = {i: (lambda: i) for i in range(3)}
print("late binding in dict comprehension:", {k: f() for k, f in funcs.items()})
funcs2 = {i: (lambda i=i: i) for i in range(3)}
print("default-arg capture:", {k: f() for k, f in funcs2.items()})
print("nested comprehension refers outer var:", {x: {y: x * y for y in range(2)} for x in range(2)})
print("walrus in comprehension binds in enclosing scope:", {i: (last := i) for i in range(3)}, last)
