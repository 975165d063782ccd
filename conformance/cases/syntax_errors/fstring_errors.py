# f-string syntax errors in Python 3.11: empty expressions, bad conversions, backslashes.
srcs = [
    "f'{}'", "f'{ }'", "f'{x!z}'", "f'{x'", "f'}'", "f'{'", "f'{x:{y:{z}}}'",
    "f'{a b}'", "f'{\\n}'", "f'{#}'", "f'{x!}'", "f'{=}'", "f'{x=!r}'",
]
for s in srcs:
    try:
        compile(s, "<f>", "eval")
        print("compiled:", s)
    except SyntaxError as e:
        print(f"{s:16} -> {e.msg}")
