import binascii
seed = 5
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % (2**31)
    return seed % n
alpha = b"ABCDEFabcdef0123+/=\n !-_"
for trial in range(60):
    s = bytes(alpha[rnd(len(alpha))] for _ in range(rnd(14)))
    for strict in (False, True):
        try:
            print(s, strict, binascii.a2b_base64(s, strict_mode=strict))
        except Exception as e:
            print(s, strict, type(e).__name__, e)
    try:
        print(binascii.unhexlify(s))
    except Exception as e:
        print(type(e).__name__, e)
    d = bytes(rnd(256) for _ in range(rnd(10)))
    print(binascii.b2a_base64(d), binascii.hexlify(d, "-", rnd(5) - 2) if d else b"", binascii.crc_hqx(d, rnd(70000)), binascii.crc32(d, rnd(2**32)))
