#!/usr/bin/env python3
"""CPython 3.11 as the oracle for pyvm's runtime algorithms.

Reads cases from stdin, one per line: fields separated by tabs, the first
field naming the operation (see OPS), the rest its arguments; fields are
escaped with esc(). Prints one escaped result per line: `ok:<text>` or
`err:<ExceptionClass>: <message>`.

Floats travel as 16 hex digits of their IEEE-754 bits so nothing is lost;
ints as decimal, or as `0x`/`-0x` hex when too long for decimal.
The Rust side (tests/common/mod.rs) implements the same operations with the
pyvm library; tests/oracle.rs feeds it fresh random cases, and
gen_golden.py uses this module to write the golden files next to it.
"""
import fractions
import decimal
import math
import os
import random
import struct
import subprocess
import sys
import _random
import _string


def esc(s):
    out = []
    for c in s:
        if c == "\\":
            out.append("\\\\")
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append("\\x%02x" % ord(c))
        else:
            out.append(c)
    return "".join(out)


def unesc(s):
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\":
            if s[i + 1] == "\\":
                out.append("\\")
                i += 2
            else:
                out.append(chr(int(s[i + 2 : i + 4], 16)))
                i += 4
        else:
            out.append(c)
            i += 1
    return "".join(out)


def f(bits):
    return struct.unpack(">d", bytes.fromhex(bits))[0]


def printf(directive, x):
    return directive % x


def I(text):
    """An int argument: decimal, or `0x...` hex for values past the digit limit."""
    return int(text, 0) if "x" in text else int(text)


def seq_random(seed, count):
    r = _random.Random()
    r.seed(I(seed))
    return " ".join(repr(r.random()) for _ in range(I(count)))


def seq_random_float_seed(bits, count):
    r = _random.Random()
    r.seed(f(bits))
    return " ".join(repr(r.random()) for _ in range(I(count)))


def seq_bits(seed, k):
    r = _random.Random()
    r.seed(I(seed))
    return " ".join(str(r.getrandbits(I(k))) for _ in range(3))


def state_after(seed, skip):
    r = _random.Random()
    r.seed(I(seed))
    for _ in range(I(skip)):
        r.random()
    st = r.getstate()
    return "%d %d %d" % (st[0], st[623], st[624])


def float_pow(a, b):
    """`float ** float`; `complex` when CPython hands over to complex power
    (a complex result, or complex power's own overflow error)."""
    try:
        r = f(a) ** f(b)
    except OverflowError as e:
        if str(e) == "complex exponentiation":
            return "complex"
        raise
    return "complex" if isinstance(r, complex) else repr(r)


def hash_under_seed(seed, expr, data):
    """`hash` of `data` (str or bytes hex) in a Python run with
    PYTHONHASHSEED=seed: this process when its seed matches, else a child."""
    value = bytes.fromhex(data) if expr == "bytes" else data
    if os.environ.get("PYTHONHASHSEED") == seed:
        return str(hash(value))
    code = "import sys; d = sys.stdin.read(); print(hash(bytes.fromhex(d) if %r == 'bytes' else d))" % expr
    env = dict(os.environ, PYTHONHASHSEED=seed)
    out = subprocess.run([sys.executable, "-c", code], input=data, env=env,
                         capture_output=True, text=True, encoding="utf-8", check=True)
    return out.stdout.strip()


def floats(text):
    return [f(x) for x in text.split(",")] if text else []


def ints(text):
    return [I(x) for x in text.split(",")] if text else []


def percent(template, args):
    """`template % args`; args: `T` or `M`, then items separated by \\x1e,
    each `i:<int>`, `f:<float bits>` or `s:<text>` (mapping items are
    `key\\x1dvalue`)."""
    def val(x):
        kind, v = x[:2], x[2:]
        return int(v) if kind == "i:" else f(v) if kind == "f:" else v
    items = [x for x in args[1:].split("\x1e") if x]
    if args[0] == "M":
        operand = {k: val(v) for k, v in (it.split("\x1d", 1) for it in items)}
    else:
        operand = tuple(val(x) for x in items)
    return template % operand


def idx(a, b):
    """Optional start/end arguments: `-` for absent (None)."""
    return (None if a == "-" else int(a), None if b == "-" else int(b))


def hash_tuple(text):
    items = tuple(I(x) for x in text.split(",")) if text else ()
    return str(hash(items))


def hash_nested(a, b):
    return str(hash((I(a), (f(b), I(a)), ())))


OPS = {
    "float_repr": lambda x: repr(f(x)),
    "float_format": lambda x, spec: format(f(x), spec),
    "float_printf": lambda d, x: printf(d, f(x)),
    "float_parse": lambda s: float(s).hex(),
    "float_fromhex": lambda s: float.fromhex(s).hex(),
    "pack_half": lambda x: struct.pack("<e", f(x)).hex(),
    "unpack_half": lambda h: repr(struct.unpack("<e", bytes.fromhex(h))[0]),
    "pack_single": lambda x: struct.pack("<f", f(x)).hex(),
    "unpack_single": lambda h: repr(struct.unpack("<f", bytes.fromhex(h))[0]),
    "float_hex": lambda x: f(x).hex(),
    "float_round": lambda x, n: repr(round(f(x), I(n))),
    "float_round_int": lambda x: str(round(f(x))),
    "float_to_int": lambda x: str(int(f(x))),
    "float_floor": lambda x: str(math.floor(f(x))),
    "float_ceil": lambda x: str(math.ceil(f(x))),
    "float_ratio": lambda x: "%d/%d" % f(x).as_integer_ratio(),
    "float_is_integer": lambda x: str(f(x).is_integer()),
    "float_mod": lambda a, b: repr(f(a) % f(b)),
    "float_floordiv": lambda a, b: repr(f(a) // f(b)),
    "float_divmod": lambda a, b: "%r %r" % divmod(f(a), f(b)),
    "float_truediv": lambda a, b: repr(f(a) / f(b)),
    "float_pow": float_pow,
    "str_format": lambda s, spec: format(s, spec),
    "percent": percent,
    "decode": lambda enc, errors, h: repr(bytes.fromhex(h).decode(enc, errors)),
    "encode": lambda enc, errors, s: s.encode(enc, errors).hex(),
    "bytes_repr": lambda h: repr(bytes.fromhex(h)),
    "bytearray_repr": lambda h: repr(bytearray.fromhex(h)),
    "bytes_hex": lambda h, sep, n: bytes.fromhex(h).hex(*([sep[1:], int(n)] if sep else [])),
    "bytes_fromhex": lambda s: bytes.fromhex(s).hex(),
    "str_split": lambda s, n: repr(s.split(None, int(n))),
    "str_rsplit": lambda s, n: repr(s.rsplit(None, int(n))),
    "str_splitlines": lambda s, k: repr(s.splitlines(k == "1")),
    "str_center": lambda s, w, c: s.center(int(w), c),
    "str_ljust": lambda s, w, c: s.ljust(int(w), c),
    "str_rjust": lambda s, w, c: s.rjust(int(w), c),
    "str_zfill": lambda s, w: s.zfill(int(w)),
    "str_expandtabs": lambda s, t: s.expandtabs(int(t)),
    "str_find": lambda s, sub, a, b: str(s.find(sub, *idx(a, b))),
    "str_rfind": lambda s, sub, a, b: str(s.rfind(sub, *idx(a, b))),
    "str_count": lambda s, sub, a, b: str(s.count(sub, *idx(a, b))),
    "str_replace": lambda s, old, new, n: s.replace(old, new, int(n)),
    "str_split_sep": lambda s, sep, n: repr(s.split(sep, int(n))),
    "str_rsplit_sep": lambda s, sep, n: repr(s.rsplit(sep, int(n))),
    "str_partition": lambda s, sep: repr(s.partition(sep)),
    "str_rpartition": lambda s, sep: repr(s.rpartition(sep)),
    "str_upper": lambda s: s.upper(),
    "str_lower": lambda s: s.lower(),
    "str_casefold": lambda s: s.casefold(),
    "str_title": lambda s: s.title(),
    "str_capitalize": lambda s: s.capitalize(),
    "str_swapcase": lambda s: s.swapcase(),
    "str_isidentifier": lambda s: str(s.isidentifier()),
    "str_case_flags": lambda s: "%d%d%d" % (s.isupper(), s.islower(), s.istitle()),
    "str_strip": lambda s: repr((s.strip(), s.lstrip(), s.rstrip())),
    "str_repr": repr,
    "str_ascii": ascii,
    "str_isprintable": lambda s: str(s.isprintable()),
    "fmt_parse": lambda s: repr(list(_string.formatter_parser(s))),
    "fmt_split": lambda s: repr((lambda r: (r[0], list(r[1])))(_string.formatter_field_name_split(s))),
    "complex_mul": lambda a, b, c, d: repr(complex(f(a), f(b)) * complex(f(c), f(d))),
    "complex_div": lambda a, b, c, d: repr(complex(f(a), f(b)) / complex(f(c), f(d))),
    "complex_pow": lambda a, b, c, d: repr(complex(f(a), f(b)) ** complex(f(c), f(d))),
    "complex_abs": lambda a, b: repr(abs(complex(f(a), f(b)))),
    "complex_parse": lambda s: repr(complex(s)),
    "complex_repr": lambda re, im: repr(complex(f(re), f(im))),
    "complex_format": lambda re, im, spec: format(complex(f(re), f(im)), spec),
    "int_parse": lambda s, base: str(int(s, int(base))),
    "int_format": lambda n, spec: format(I(n), spec),
    "int_str": lambda n: str(I(n)),
    "int_printf": lambda d, n: d % I(n),
    "int_round": lambda n, d: str(round(I(n), I(d))),
    "int_bin": lambda n: bin(I(n)),
    "int_oct": lambda n: oct(I(n)),
    "int_hex": lambda n: hex(I(n)),
    "int_and": lambda a, b: str(I(a) & I(b)),
    "int_or": lambda a, b: str(I(a) | I(b)),
    "int_xor": lambda a, b: str(I(a) ^ I(b)),
    "int_invert": lambda a: str(~I(a)),
    "int_floordiv": lambda a, b: str(I(a) // I(b)),
    "int_mod": lambda a, b: str(I(a) % I(b)),
    "int_divmod": lambda a, b: "%d %d" % divmod(I(a), I(b)),
    "int_pow": lambda a, b: repr(I(a) ** I(b)),
    "int_powmod": lambda a, b, m: str(pow(I(a), I(b), I(m))),
    "int_lshift": lambda a, n: str(I(a) << I(n)),
    "int_rshift": lambda a, n: str(I(a) >> I(n)),
    "int_truediv": lambda a, b: repr(I(a) / I(b)),
    "int_to_float": lambda n: repr(float(I(n))),
    "int_bit_length": lambda n: str(I(n).bit_length()),
    "int_bit_count": lambda n: str(I(n).bit_count()),
    "int_to_bytes": lambda n, length, order, signed: I(n)
    .to_bytes(I(length), order, signed=signed == "1")
    .hex(),
    "int_from_bytes": lambda h, order, signed: str(
        int.from_bytes(bytes.fromhex(h), order, signed=signed == "1")
    ),
    "hash_int": lambda n: str(hash(I(n))),
    "hash_float": lambda x: str(hash(f(x))),
    "hash_complex": lambda re, im: str(hash(complex(f(re), f(im)))),
    "hash_fraction": lambda n, d: str(hash(fractions.Fraction(I(n), I(d)))),
    "hash_decimal": lambda s: str(hash(decimal.Decimal(s))),
    "hash_tuple": hash_tuple,
    "hash_frozenset": lambda xs: str(hash(frozenset(ints(xs)))),
    "int_cmp_float": lambda n, x: "%s %s %s" % (I(n) < f(x), I(n) == f(x), I(n) > f(x)),
    "hash_str": lambda seed, s: hash_under_seed(seed, "str", s),
    "hash_bytes": lambda seed, h: hash_under_seed(seed, "bytes", h),
    "hash_nested": hash_nested,
    "math_unary": lambda name, x: repr(getattr(math, name)(f(x))),
    "math_log_int": lambda name, n: repr(getattr(math, name)(I(n))),
    "math_log_base": lambda x, base: repr(math.log(f(x), f(base))),
    "math_pow": lambda x, y: repr(math.pow(f(x), f(y))),
    "math_fmod": lambda x, y: repr(math.fmod(f(x), f(y))),
    "math_remainder": lambda x, y: repr(math.remainder(f(x), f(y))),
    "math_nextafter": lambda x, y: repr(math.nextafter(f(x), f(y))),
    "math_copysign": lambda x, y: repr(math.copysign(f(x), f(y))),
    "math_atan2": lambda y, x: repr(math.atan2(f(y), f(x))),
    "math_ldexp": lambda x, i: repr(math.ldexp(f(x), I(i))),
    "math_frexp": lambda x: repr(math.frexp(f(x))),
    "math_modf": lambda x: repr(math.modf(f(x))),
    "math_ulp": lambda x: repr(math.ulp(f(x))),
    "math_degrees": lambda x: repr(math.degrees(f(x))),
    "math_radians": lambda x: repr(math.radians(f(x))),
    "math_isclose": lambda a, b, r, t: str(math.isclose(f(a), f(b), rel_tol=f(r), abs_tol=f(t))),
    "math_gamma": lambda x: repr(math.gamma(f(x))),
    "math_lgamma": lambda x: repr(math.lgamma(f(x))),
    "math_hypot": lambda xs: repr(math.hypot(*floats(xs))),
    "math_dist": lambda xs, ys: repr(math.dist(floats(xs), floats(ys))),
    "math_fsum": lambda xs: repr(math.fsum(floats(xs))),
    "math_isqrt": lambda n: str(math.isqrt(I(n))),
    "math_factorial": lambda n: str(math.factorial(I(n))),
    "math_comb": lambda n, k: str(math.comb(I(n), I(k))),
    "math_perm": lambda n, k: str(math.perm(I(n), I(k))),
    "math_gcd": lambda xs: str(math.gcd(*ints(xs))),
    "math_lcm": lambda xs: str(math.lcm(*ints(xs))),
    "mt_random": seq_random,
    "mt_random_float_seed": seq_random_float_seed,
    "mt_getrandbits": seq_bits,
    "mt_state": state_after,
}


def run(fields):
    op, args = fields[0], fields[1:]
    try:
        result = "ok:" + OPS[op](*args)
    except Exception as e:  # the oracle reports every exception
        result = "err:%s: %s" % (type(e).__name__, e)
    if any(0xD800 <= ord(c) < 0xE000 for c in result):
        # Lone surrogates cannot be Rust strings: such cases are skipped.
        return "skip:lone surrogate"
    return result


def main():
    sys.set_int_max_str_digits(4300)
    out = []
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line:
            continue
        fields = [unesc(x) for x in line.split("\t")]
        out.append(esc(run(fields)))
    sys.stdout.write("\n".join(out) + ("\n" if out else ""))


if __name__ == "__main__":
    main()
