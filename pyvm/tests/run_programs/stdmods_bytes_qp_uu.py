import binascii
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
for d in [b"hello world", b"caf\xc3\xa9 = ok", b"tab\tend \nline two  \r\nthree", b".\n", b"a" * 100, b"x" * 74 + b"=y", b"trailing ", b"under_score here"]:
    t(binascii.b2a_qp, d)
    t(binascii.b2a_qp, d, quotetabs=True)
    t(binascii.b2a_qp, d, istext=False)
    t(binascii.b2a_qp, d, header=True)
    t(lambda x: binascii.a2b_qp(binascii.b2a_qp(x)) == x, d)
t(binascii.a2b_qp, b"a=3Db=\nc=ZZ=4")
t(binascii.a2b_qp, "soft=\r\nbreak==x=")
t(binascii.a2b_qp, b"a_b", header=True)
for d in [b"", b"a", b"ab", b"abc", b"hello world!", bytes(range(45))]:
    u = binascii.b2a_uu(d); print(u, binascii.b2a_uu(d, backtick=True))
    t(binascii.a2b_uu, u)
t(binascii.b2a_uu, b"x" * 46)
t(binascii.a2b_uu, b"")
t(binascii.a2b_uu, b"#86)C\n")
t(binascii.a2b_uu, b"#86)C  xx\n")
t(binascii.a2b_uu, b"#8\x016)C")
t(binascii.a2b_uu, b"&86)C")
