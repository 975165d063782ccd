# Escape sequences in str and bytes literals, raw strings, and what is/isn't an escape.
print(ascii("\x41\101\u0041\U00000041\N{LATIN CAPITAL LETTER A}"))
print(ascii("\a\b\f\n\r\t\v\0\\\'\""))
print(len("\N{GRINNING FACE}"), ascii("\N{grinning face}"), "\N{EM DASH}" == "\u2014")
print(b"\x41\101\\\n"[0:3], len(b"\u0041"), b"\u0041")
print("raw strings:", r"\n\t\x41", len(r"\n"), rb"\x00", r"\N{EM DASH}")
print("octal escapes stop at 3 digits:", ascii("\1234"), ascii("\0a"))
print("line continuation in literal:", "ab\
cd")
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    s = eval(r'"\d"')
print("invalid escape kept verbatim:", s, len(s), [str(x.category.__name__) for x in w])
for bad in [r'"\x4"', r'"\u12"', r'"\N{NOT A REAL NAME}"', r'"\U00110000"']:
    try:
        eval(bad)
    except SyntaxError as e:
        print(bad, "->", e.msg)
