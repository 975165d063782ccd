# String literal forms: prefixes, escapes, implicit concatenation, triple quotes.
print('single', "double", '''triple
line''', """tri"ple""")
print(r'raw\n', R"RAW\t", b'bytes', rb'\x00raw', Rb"\d")
print('tab\there', 'nl\\n', '\x41\u0042\N{LATIN SMALL LETTER C}\U00000044', '\101')
print('implicit' ' concat' "enation")
print(len('\0'), len(r'\0'), len('\
'))
x = 42
print(f'{x}', f'{x!r:>5}', f'{x:#x}', f"{'nested'}", f'{x + 1 = }')
print(f'{{braces}}', f'{3.14159:.2f}', f'{"s"!a}', f'{"é"!a}')
width, prec = 10, 3
print(f'[{2.718281:{width}.{prec}f}]')
print(type(b''), type(''), type(f''))
print('a' 'b' == 'ab', 'abc'[1], "quote's", 'dq"s')
