# Unclosed and mismatched brackets, unterminated strings: message and location.
def check(src):
    try:
        compile(src, "<src>", "exec")
        print("compiled:", repr(src))
    except SyntaxError as e:
        print(repr(src), "->", e.msg, e.lineno, e.offset)
check("x = (1, 2")
check("x = [1, 2)")
check("f(a, b]")
check("}")
check("x = 'abc")
check('x = "abc\ny = 1')
check("x = '''abc\n\n")
check("print('a' 'b)")
check("x = {1: 2, 3: }")
check("((((((")
check("a = 1\nb = (\n2,\n3\nc = 4\n")
