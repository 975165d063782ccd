#!/usr/bin/env python3
"""Prints the `CASEFOLD` table of `src/str_case.rs`: every code point whose
`str.casefold()` differs from its `str.lower()` in the running Python
(Python 3.11: Unicode 14.0.0), with the folded text.

Regenerate with `python3 pyvm/scripts/gen_casefold.py` and paste the output
over the table; `tests/oracle.rs` checks `casefold` of every code point
against the live `python3`.
"""
import sys
import unicodedata


def main():
    rows = [(c, chr(c).casefold()) for c in range(sys.maxunicode + 1)
            if not 0xD800 <= c < 0xE000 and chr(c).casefold() != chr(c).lower()]
    print("/// Unicode %s (Python %d.%d): %d characters." % (
        unicodedata.unidata_version, sys.version_info[0], sys.version_info[1], len(rows)))
    print("#[rustfmt::skip]")
    print("const CASEFOLD: [(u32, &str); %d] = [" % len(rows))
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


if __name__ == "__main__":
    main()
