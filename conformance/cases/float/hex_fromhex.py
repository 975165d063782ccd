# float.hex and float.fromhex round trip exactly.
for v in [1.0, 0.5, 0.1, -2.75, 3.0, 1e-310, 5e-324, 1.7976931348623157e308, 0.0, -0.0, 1 / 3]:
    h = v.hex()
    print(repr(v), h, float.fromhex(h) == v)
print("inf/nan hex:", float("inf").hex(), float("-inf").hex(), float("nan").hex())
for s in ["0x1p0", "0x1.8p1", "-0x1p-2", "0X1.FFFFFFFFFFFFFP+1023", "0x.8p1", "0x10", "1", "  0x1p3  ",
          "0x1.00000000000008p0", "0x1.00000000000018p0", "inf", "-Infinity", "nan", "0x1p-1074", "0x1p-1075", "0x1p-1076"]:
    print(f"fromhex({s!r}) =", repr(float.fromhex(s)))
for s in ["0x1p1024", "0x2p1023"]:
    try:
        float.fromhex(s)
    except OverflowError as e:
        print(f"fromhex({s!r}):", e)
for s in ["", "0x", "0xg", "1.5e3", "0x1p", "0x1.p-", "--0x1"]:
    try:
        float.fromhex(s)
    except ValueError as e:
        print(f"fromhex({s!r}):", e)
class F(float):
    pass
r = F.fromhex("0x1p1")
print("subclass fromhex:", r, type(r).__name__)
