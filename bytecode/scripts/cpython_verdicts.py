"""Print CPython's compile() verdict for each .py file named on stdin.

One line per file: `<path>\tok` or `<path>\tSyntaxError <line>`.
Files are read as bytes so that the source encoding is honoured exactly as
`compile()` honours it.
"""
import sys

for path in sys.stdin.read().split("\n"):
    if not path:
        continue
    with open(path, "rb") as f:
        data = f.read()
    try:
        compile(data, path, "exec", dont_inherit=True)
        verdict = "ok"
    except SyntaxError as e:  # includes IndentationError and TabError
        verdict = f"SyntaxError {e.lineno}"
    except (ValueError, UnicodeDecodeError):
        verdict = "SyntaxError 0"
    print(f"{path}\t{verdict}")
