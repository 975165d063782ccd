# Code point conversions: ord/chr, hex escapes, int <-> str of digits, str.encode to integer lists.
s = "Aé€😀"
cps = [ord(c) for c in s]
print("ord:", cps, [hex(c) for c in cps], "".join(map(chr, cps)) == s)
print("escape strings:", [f"\\u{c:04x}" if c < 0x10000 else f"\\U{c:08x}" for c in cps])
print("decode escapes:", "\\u00e9\\U0001F600".encode().decode("unicode_escape"))
print("digit chars to ints:", [int(c) for c in "2024"], sum(map(int, str(2**100))))
print("int to digit list and back:", [int(d) for d in str(9075)], int("".join(map(str, [9, 0, 7, 5]))))
print("letters to alphabet index:", [ord(c) - ord("a") for c in "hello"], "".join(chr(ord("a") + i) for i in [7, 4, 11, 11, 14]))
print("caesar shift:", "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.islower() else c for c in "xyz abc!"))
print("utf-8 byte values:", list("é".encode()), list("€".encode()), bytes([0xE2, 0x82, 0xAC]).decode())
print("format code points:", f"{ord('€'):#06x}", f"U+{ord('😀'):04X}", "%c" % 0x263A)
print("chr range extremes:", repr(chr(0)), repr(chr(0x10FFFF)), len(chr(0x10FFFF)))
