# gc-stress-interval: 500
# An uncaught SyntaxError raised at run time prints its location, source
# line and carets, then "SyntaxError: msg" (CPython's format).
import subprocess
import sys

programs = [
    "exec('def broken(:\\n    pass\\n')",
    "exec('x = (1,\\n')",
    "compile('if True:\\n  x = 1\\n    y = 2\\n', 'file.py', 'exec')",
    "raise SyntaxError('custom', ('f.py', 3, 5, 'abc def\\n', 3, 8))",
    "raise SyntaxError('no location')",
    "raise IndentationError('bad indent', ('g.py', 2, 1, '  x\\n'))",
]
for src in programs:
    r = subprocess.run([sys.executable, "-c", src], capture_output=True, text=True)
    print(r.returncode)
    print(r.stderr, end="")
