# Attributes of SyntaxError raised by compile(), eval() and exec(), and its str().
try:
    compile("def f():\n    return (1,\n", "my_file.py", "exec")
except SyntaxError as e:
    print(e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
    print(str(e))
try:
    eval("1 +* 2")
except SyntaxError as e:
    print(e.msg, e.filename, e.lineno, e.offset, repr(e.text))
try:
    exec("for = 3")
except SyntaxError as e:
    print(e.msg, e.filename, e.lineno, e.offset, e.end_offset)
try:
    compile("x = 1\ny = 2\nz = = 3\n", "f.py", "exec")
except SyntaxError as e:
    print(e.args[0], e.args[1][:3])
try:
    compile("a = 1", "f.py", "eval")
except SyntaxError as e:
    print(e.msg, e.offset)
try:
    compile("1", "f.py", "badmode")
except ValueError as e:
    print("ValueError:", e)
