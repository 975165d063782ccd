# Very deep nesting in source: parser limits raise SyntaxError or RecursionError/MemoryError, never crash.
def try_compile(label, src):
    try:
        compile(src, "<deep>", "exec")
        print(label, "compiled")
    except SyntaxError as e:
        print(label, "SyntaxError:", e.msg)
    except (RecursionError, MemoryError) as e:
        print(label, type(e).__name__)
try_compile("100 parens", "x = " + "(" * 100 + "1" + ")" * 100)
try_compile("250 parens", "x = " + "(" * 250 + "1" + ")" * 250)
try_compile("100 lists", "x = " + "[" * 100 + "]" * 100)
try_compile("300 lists", "x = " + "[" * 300 + "]" * 300)
src = ""
for i in range(50):
    src += "    " * i + "if True:\n"
src += "    " * 50 + "pass\n"
try_compile("50 nested ifs", src)
src = ""
for i in range(101):
    src += "    " * i + "if True:\n"
src += "    " * 101 + "pass\n"
try_compile("101 nested ifs", src)
try:
    compile("x = " + " + ".join(["1"] * 5000), "<deep>", "exec")
    print("long expression: compiled or RecursionError, never a crash")
except RecursionError:
    print("long expression: compiled or RecursionError, never a crash")
try_compile("many unary minus", "x = " + "-" * 1000 + "1")
print("still running")
