#!/usr/bin/env python3
"""Prints the table of `src/str_repr.rs`: the ranges of code points that
CPython's `str.isprintable()` rejects (Unicode categories Cc, Cf, Cs, Co,
Cn, Zl, Zp and Zs other than the space), from the running Python's Unicode
database (Python 3.11: Unicode 14.0.0).

Regenerate with `python3 pyvm/scripts/gen_printable.py` and paste the output
over the `NON_PRINTABLE` table; `tests/oracle.rs` checks the table against
the live `python3`.
"""
import sys
import unicodedata


def ranges():
    out = []
    start = None
    for c in range(sys.maxunicode + 2):
        bad = c <= sys.maxunicode and not chr(c).isprintable()
        if bad and start is None:
            start = c
        elif not bad and start is not None:
            out.append((start, c - 1))
            start = None
    return out


def main():
    r = ranges()
    print("/// Unicode %s (Python %d.%d): %d ranges." % (
        unicodedata.unidata_version, sys.version_info[0], sys.version_info[1], len(r)))
    print("#[rustfmt::skip]")
    print("const NON_PRINTABLE: [(u32, u32); %d] = [" % len(r))
    line = "   "
    for a, b in r:
        item = " (0x%x, 0x%x)," % (a, b)
        if len(line) + len(item) > 99:
            print(line)
            line = "   "
        line += item
    print(line)
    print("];")


if __name__ == "__main__":
    main()
