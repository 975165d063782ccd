# Invalid characters, numbers and string prefixes at the tokenizer level.
srcs = [
    "x = 1 $ 2", "x = ¿", "x = 1\u00a0+ 2", "0777", "1.2.3", "x = 5abc",
    "b'\u00e9'", "u'ok'", "ub'x'", "x = 1_000_", "0b", "0x1g",
    "'\\N{NOT A REAL NAME}'", "'\\x4'", "b'\\u1234'",
]
for s in srcs:
    try:
        compile(s, "<tok>", "exec")
        print("compiled:", repr(s))
    except SyntaxError as e:
        print(repr(s), "->", e.msg, e.lineno, e.offset)
try:
    compile("x = 1\0", "<nul>", "exec")
except (SyntaxError, ValueError) as e:
    print(type(e).__name__, e)
try:
    compile(b"x = '\xff'", "<bytes>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
