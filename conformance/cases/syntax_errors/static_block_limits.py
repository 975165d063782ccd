# "too many statically nested blocks" and other compiler limits reported as SyntaxError.
def nested_loops(depth):
    src = ""
    for i in range(depth):
        src += "    " * i + f"for i{i} in x:\n"
    src += "    " * depth + "pass\n"
    return src
for depth in (19, 20, 21):
    try:
        compile(nested_loops(depth), "<n>", "exec")
        print(depth, "nested loops compile")
    except SyntaxError as e:
        print(depth, "nested loops:", e.msg)
src = "def f():\n" + "".join(f"    v{i} = {i}\n" for i in range(3000)) + "    return v2999\n"
ns = {}
exec(compile(src, "<many>", "exec"), ns)
print("3000 locals:", ns["f"]())
args = ", ".join(f"a{i}" for i in range(300))
ns = {}
exec(f"def g({args}):\n    return a299\n", ns)
print("300 parameters:", ns["g"](*range(300)))
