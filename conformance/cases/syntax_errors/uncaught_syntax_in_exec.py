# A SyntaxError raised by exec() at run time, not caught: output before it is kept.
print("runs first")
code = "def broken(:\n    pass\n"
exec(code)
print("never reached")
