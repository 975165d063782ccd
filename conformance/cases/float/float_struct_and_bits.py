# Float bit patterns through struct: signed zero, subnormals, infinities, half and single precision rounding.
import struct
def bits(x):
    return struct.pack(">d", x).hex()
for v in [0.0, -0.0, 1.0, -2.0, 0.1, 5e-324, 2.2250738585072014e-308, float("inf"), -float("inf"), 1.7976931348623157e308]:
    print(f"{v!r:26} {bits(v)}")
print("nan is a nan after round trip:", struct.unpack(">d", struct.pack(">d", float("nan")))[0] != 0)
print("from bits:", struct.unpack(">d", bytes.fromhex("3ff8000000000000"))[0], struct.unpack(">d", bytes.fromhex("8000000000000000"))[0])
print("single precision rounding:", struct.unpack("f", struct.pack("f", 0.1))[0], struct.unpack("f", struct.pack("f", 16777217.0))[0])
print("half precision:", struct.unpack("e", struct.pack("e", 0.1))[0], struct.unpack("e", struct.pack("e", 65504.0))[0])
for fmt, v in [("f", 1e39), ("e", 65520.0)]:
    try:
        struct.pack(fmt, v)
    except OverflowError as e:
        print(f"pack {fmt} {v}:", e)
print("single inf passes:", struct.unpack("f", struct.pack("f", float("inf")))[0])
print("ordering of bit patterns for positives matches values:", sorted([2.0, 0.5, 1e-300, 3e300]) == sorted([2.0, 0.5, 1e-300, 3e300], key=lambda v: struct.pack(">d", v)))
