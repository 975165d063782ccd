def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
t((1024).to_bytes, 2, "big"); t((1024).to_bytes, 2, "little"); t((-1).to_bytes, 2, "big", signed=True)
t((1024).to_bytes, 1, "big"); t((-1).to_bytes, 2, "big"); t((2**70).to_bytes, 9, "big"); t((5).to_bytes)
t((5).to_bytes, 1, "middle"); t(int.from_bytes, b"\xff\xff", "big", signed=True); t(int.from_bytes, [1, 2], "little")
t(int.from_bytes, b"\x01" * 12, "big"); t(int.from_bytes, "ab", "big"); t(int.from_bytes, bytearray(b"\x01\x02"))
