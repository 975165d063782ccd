# chr, ord, bin, hex, oct and their errors.
print("chr:", chr(65), chr(0x263A), chr(0x1F600), repr(chr(0)), chr(0x10FFFF) == "\U0010FFFF")
print("ord:", ord("A"), ord("€"), ord("😀"), ord(b"a"), ord(bytearray(b"z")))
print("bin/oct/hex:", bin(10), oct(64), hex(3054), bin(-5), hex(-1), oct(0), bin(2**70)[:8])
class I:
    def __index__(self):
        return 31
print("via __index__:", bin(I()), oct(I()), hex(I()), repr(chr(I())))
for label, fn in [
    ("chr(-1)", lambda: chr(-1)),
    ("chr(0x110000)", lambda: chr(0x110000)),
    ("chr('a')", lambda: chr("a")),
    ("chr(65.0)", lambda: chr(65.0)),
    ("chr(2**100)", lambda: chr(2**100)),
    ("ord('')", lambda: ord("")),
    ("ord('ab')", lambda: ord("ab")),
    ("ord(65)", lambda: ord(65)),
    ("ord(b'')", lambda: ord(b"")),
    ("bin(1.5)", lambda: bin(1.5)),
    ("hex('a')", lambda: hex("a")),
    ("oct(None)", lambda: oct(None)),
    ("hex()", lambda: hex()),
]:
    try:
        print(label, "->", fn())
    except (TypeError, ValueError, OverflowError) as e:
        print(label, "->", type(e).__name__ + ":", e)
