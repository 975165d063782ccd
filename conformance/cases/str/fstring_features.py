# f-strings: expressions, conversions, format specs, '=' debugging, nesting and escapes.
x, name, items = 42, "Ada", [1, 2, 3]
print(f"{x} {x * 2} {name.upper()} {items[-1]} {len(items)}")
print(f"{name!r} {name!s} {'é'!a}")
print(f"{x:08b} {x:#x} {3.14159:.2f} {x:>6}| {name:*^9}")
width, prec = 10, 3
print(f"[{2 / 3:{width}.{prec}f}]")
print(f"{x=}", f"{x = }", f"{name=!s}", f"{3.5=:.2f}", f"{items[0] + 1=}")
print(f"{{literal}} {{{x}}}")
print(f"{'nested ' + f'{x}'}")
print(f"{(lambda v: v * 2)(5)}")
print(f"{'yes' if x > 40 else 'no'}")
d = {"key": "val"}
print(f"{d['key']} {d!r}")
print(f"multi"  f"part {x}" "plain")
print(rf"raw \n {x}", fr"\d{x}")
print(f"{x!r:>5}|", f"{name!r:^10}|")
print(f"{3:{'>'}{5}}|")
print(f"{x:{'x' if x > 0 else 'd'}}")
class P:
    def __format__(self, spec):
        return f"P({spec})"
print(f"{P():custom spec}", f"{P()}")
print(f"""triple {x}
line two""")
try:
    f"{x:q}"
except ValueError as e:
    print("bad spec:", e)
print(f"{'a' 'b'}", f"{1,2}", f"{x,}")
