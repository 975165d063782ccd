# The f-string '=' specifier: text preservation, default !r, combination with format spec and conversions.
x = 3.14159
name = "Ada"
items = [1, 2]
print(f"{x=}")
print(f"{x = }")
print(f"{x=:.2f}")
print(f"{x=!s}")
print(f"{name=}", f"{name=!s}", f"{name=:>6}")
print(f"{items[0] + items[1]=}")
print(f"{len(items)=}", f"{items=!r:>12}")
print(f"{1 + 1 = }", f"{ 'spaced' = }")
print(f"{x*2=:10.3f}|")
d = {"k": 1}
print(f"{d['k']=}", f"{d=}")
class P:
    def __repr__(self): return "P-repr"
    def __str__(self): return "P-str"
    def __format__(self, spec): return f"P-format({spec})"
p = P()
print(f"{p=}", f"{p=!s}", f"{p=:x}", f"{p}", f"{p!r}")
