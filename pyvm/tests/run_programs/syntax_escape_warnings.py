# gc-stress-interval: 200
# The DeprecationWarning for an invalid escape sequence in a literal is
# issued through warnings (so filters apply); under an "error" filter it
# becomes CPython's SyntaxError at the literal.
import warnings

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    s = eval(r'"\d" + b"\q".decode() + "\N{EM DASH}" + r"\z"')
    exec(compile('x = 1\ny = "ok \\%"\n', "<w>", "exec"))
print(ascii(s), [(str(x.message), x.category.__name__, x.filename, x.lineno) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    for src in [r'"\d"', 'x = 1\ny = (1,\n "ab\\q")', r'f"a\d{x}"', r'b"\q"']:
        try:
            compile(src, "<e>", "exec")
        except SyntaxError as e:
            print("as an error:", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
