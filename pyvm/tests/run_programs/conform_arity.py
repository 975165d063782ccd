# CPython's argument-count and keyword errors of builtins.
for src in [
    "zip(strict=True, extra=1)",
    "zip(x=1)",
    "enumerate()",
    "enumerate(1, 2, 3)",
    "enumerate([], start=1, x=2)",
    "sorted([], key=None, reverse=False, x=1)",
    "sorted([], x=1)",
    "pow(x=1)",
    "pow()",
    "pow(1)",
    "pow(2, exp=3, mod=None, z=1)",
    "pow(2, 3, z=1)",
    "divmod(1, 2, x=1)",
    "exec()",
    "exec(1, 2, 3, 4)",
    "eval()",
    "eval(1, 2, 3, 4)",
    "super(1, 2, 3)",
]:
    try:
        eval(src)
        print(src, "-> ok")
    except TypeError as e:
        print(src, "->", e)
print(list(enumerate("ab", start=5)), pow(base=2, exp=10), list(zip("ab", "cd", strict=True)))
