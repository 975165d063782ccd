# Source text encodings: a latin-1 declaration, a BOM, invalid UTF-8, non-ASCII identifiers.
srcs = [
    b"# -*- coding: latin-1 -*-\nx = '\xe9'\n",
    b"\xef\xbb\xbfx = 1\n",
    b"x = '\xe9'\n",
    b"# coding: no-such-encoding\nx = 1\n",
    "π = 3.14159\nprint(π)\n".encode(),
    "x\u200b = 1\n".encode(),
    "ℌ = 1\n".encode(),
]
for src in srcs:
    try:
        code = compile(src, "<enc>", "exec")
        ns = {}
        exec(code, ns)
        print("ok:", sorted(k for k in ns if k != "__builtins__"), ns.get("x", ""))
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
import unicodedata
print(unicodedata.normalize("NFKC", "ℌ"))
