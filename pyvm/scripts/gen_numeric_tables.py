#!/usr/bin/env python3
"""Prints the tables of `src/str_class.rs`: the code point ranges for which
CPython's `str.isdigit()`, `str.isnumeric()` and `str.isalpha()` are true,
and the ranges of identifier start and continue characters (what
`str.isidentifier()` accepts first and after), from the running Python's
Unicode database (Python 3.11: Unicode 14.0.0).

Regenerate with `python3 pyvm/scripts/gen_numeric_tables.py` and paste the
output over the five tables; `tests/oracle.rs` checks them against the live
`python3` code point by code point.
"""
import sys
import unicodedata


def ranges(pred):
    out = []
    start = None
    for c in range(sys.maxunicode + 2):
        ok = c <= sys.maxunicode and not 0xD800 <= c < 0xE000 and pred(chr(c))
        if ok and start is None:
            start = c
        elif not ok and start is not None:
            out.append((start, c - 1))
            start = None
    return out


def table(name, r):
    print("/// Unicode %s (Python %d.%d): %d ranges." % (
        unicodedata.unidata_version, sys.version_info[0], sys.version_info[1], len(r)))
    print("#[rustfmt::skip]")
    print("const %s: [(u32, u32); %d] = [" % (name, len(r)))
    line = "   "
    for a, b in r:
        item = " (0x%x, 0x%x)," % (a, b)
        if len(line) + len(item) > 99:
            print(line)
            line = "   "
        line += item
    print(line)
    print("];")


def main():
    table("DIGIT", ranges(str.isdigit))
    print()
    table("NUMERIC", ranges(str.isnumeric))
    print()
    table("ALPHA", ranges(str.isalpha))
    print()
    table("ID_START", ranges(str.isidentifier))
    print()
    table("ID_CONTINUE", ranges(lambda ch: ("a" + ch).isidentifier()))


if __name__ == "__main__":
    main()
