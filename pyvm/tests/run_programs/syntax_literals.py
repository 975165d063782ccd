# Errors in string literals and f-strings (Python 3.11's messages), source
# decoding errors of compile(bytes).


def show(src, mode="exec"):
    try:
        compile(src, "<s>", mode)
        print(repr(src), mode, "-> compiled")
    except SyntaxError as e:
        print(repr(src), mode, "->", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)


for src in [r"'\x4' + 1", r"x = '\x4'  # c", r"f('\x4', 2)", r"'a' '\x4' 'b'", r"'\N{foo}'",
            r"'a\Nb'", r"b'ab\x4'", r"'\x4'", r"'\N{NOT A REAL NAME}'", r"'ab\u12'",
            r"'\U0011ffff'", r"'\N{LATIN SMALL LETTER A'", r"'\N{}'", r"'\N{DIGIT ONE}\x'"]:
    for mode in ("exec", "eval"):
        show(src, mode)
for src in ["f'{}'", "f'{ }'", "f'{x!z}'", "f'{x'", "f'}'", "f'{'", "f'{x:{y:{z}}}'",
            "f'{a b}'", "f'{\\n}'", "f'{#}'", "f'{x!}'", "f'{=}'", "f'{x=!r}'", "f'{(}'",
            "f'{x!r:{'", "f'a{x}b{}'", "x = f'{}'\n", "f'{x)}'", "f'{x y}' + 1",
            "f'{{{x}}}'", "f'{x:{w}.{p}}'", "f'{ {1: 2}[1] }'", "f'{x!r:>{w}}'"]:
    for mode in ("exec", "eval"):
        show(src, mode)
x, w, p = 3.14159, 10, 2
print(f'{{{x}}}', f'{x:{w}.{p}}', f'{ {1: 2}[1] }', f'{x!r:>{w}}')
for src in [b'x = \xe9\n', b"x = 'a\xe9b'\n", b"x = 'ab\xe9'\n", b"x = 1\ny = 'ab\xe9\xe9'\n",
            b"x = b'\xe9'\n", b"x = f'\xe9'\n", b"x = '\xff'", b"# coding: no-such-encoding\nx = 1\n",
            b"# -*- coding: latin-1 -*-\nx = '\xe9'\n"]:
    try:
        ns = {}
        exec(compile(src, "<b>", "exec"), ns)
        print(src, "->", ns["x"])
    except SyntaxError as e:
        print(src, "->", e.msg, e.lineno)
print("isprintable:", "\ud83d".isprintable(), "a\ud800b".isprintable(), "ab".isprintable())
