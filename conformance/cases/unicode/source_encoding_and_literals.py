# -*- coding: utf-8 -*-
# Non-ASCII in source: string literals, bytes escapes, comments, identifiers and f-strings.
greeting = "Grüß Gott — 你好 — 😀"
print(greeting, len(greeting))
print("bytes literal with escapes:", b"caf\xc3\xa9".decode())
print("raw string keeps backslashes:", r"\u00e9", len(r"\u00e9"))
print("named escape in f-string:", f"{'x'}\N{RIGHTWARDS ARROW}{'y'}")
print("unicode in format spec fill:", f"{'mid':→^9}", format(5, "★>4"))
print("str.center with wide fill:", "ab".center(6, "·"))
print("ord of literal:", [ord(c) for c in "é€😀"])
print("comparisons with literal escapes:", "é" == "\u00e9", "😀" == "\U0001F600")
print("encode/decode round trip of source text:", greeting.encode().decode() == greeting)
print("repr keeps printable non-ASCII:", repr("é中😀"), repr("\u0378"), repr("\u00ad"))
print("lengths in bytes:", [len(c.encode()) for c in "aé€😀"])
