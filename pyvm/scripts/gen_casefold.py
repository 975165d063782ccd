#!/usr/bin/env python3
"""Prints the tables of `src/str_case.rs` from the running Python (Python
3.11: Unicode 14.0.0): `CASEFOLD`, every code point whose `str.casefold()`
differs from its `str.lower()`, with the folded text; `TITLE`, every code
point whose `str.title()` differs from its `str.upper()`; `TITLECASE`, the
code points of category Lt.

Regenerate with `python3 pyvm/scripts/gen_casefold.py` and paste the output
over the table; `tests/oracle.rs` checks `casefold` of every code point
against the live `python3`.
"""
import sys
import unicodedata


def table(name, rows):
    print("/// Unicode %s (Python %d.%d): %d characters." % (
        unicodedata.unidata_version, sys.version_info[0], sys.version_info[1], len(rows)))
    print("#[rustfmt::skip]")
    print("const %s: [(u32, &str); %d] = [" % (name, len(rows)))
    line = "   "
    for c, folded in rows:
        text = "".join("\\u{%x}" % ord(ch) for ch in folded)
        item = ' (0x%x, "%s"),' % (c, text)
        if len(line) + len(item) > 99:
            print(line)
            line = "   "
        line += item
    print(line)
    print("];")


def main():
    chars = [c for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000]
    table("CASEFOLD", [(c, chr(c).casefold()) for c in chars if chr(c).casefold() != chr(c).lower()])
    print()
    table("TITLE", [(c, chr(c).title()) for c in chars if chr(c).title() != chr(c).upper()])
    print()
    table("TITLECASE", [(c, chr(c)) for c in chars if unicodedata.category(chr(c)) == "Lt"])


if __name__ == "__main__":
    main()
