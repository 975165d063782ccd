# A handful of CPython behaviours: bitwise errors name int and float,
# int.__repr__ of a bool, f.__call__, dir() of builtin types lists their
# data attributes, the group a naked exception is wrapped in by except*,
# and the except/except* mixing error.
for src in ["1 & 1.0", "1.5 | 2", "2 << 1.0", "1.0 ^ 1.0", "1 @ 1.0"]:
    try:
        eval(src)
    except TypeError as e:
        print(src, "->", e)
print(int.__repr__(True), int.__repr__(False), repr(True))


def f(x=1):
    return x * 2


print(f.__call__(), f.__call__(5))
print([n for n in ("real", "imag", "numerator", "denominator") if n in dir(int)])
print([n for n in ("real", "imag") if n in dir(1.5)], "cell_contents" in dir((lambda: f).__closure__ or f))
try:
    try:
        raise ValueError("naked")
    except* TypeError:
        pass
except* ValueError as eg:
    print(repr(eg), type(eg.exceptions).__name__)
try:
    compile("try:\n    pass\nexcept ValueError:\n    pass\nexcept* TypeError:\n    pass\n", "f", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
try:
    compile("try:\n    pass\nexcept* ValueError:\n    pass\nexcept TypeError:\n    pass\n", "f", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
