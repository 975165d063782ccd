# Errors in string and bytes literals: bad escapes in bytes, unterminated f-strings, mixed prefixes.
srcs = [
    "'abc", '"""abc', "b'\\xff' + 'é'", "rb'\\'", "f'{x!r:{'", "'\\N{LATIN SMALL LETTER A'",
    "'\\U0011ffff'", "'\\u12'", "b'\\u1234' == b'\\\\u1234'", "fb'x'", "bu'x'", "'''a''' 'b",
    "f'{1:{2:{3}}}'", "f'''{\n1\n}'''", "'\\\n'",
]
for s in srcs:
    try:
        compile(s, "<lit>", "eval")
        print("compiled:", repr(s))
    except SyntaxError as e:
        print(repr(s), "->", e.msg, e.lineno, e.offset)
