# int.to_bytes / int.from_bytes with byte orders, signedness and overflow errors.
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (1024).to_bytes(4, byteorder="big"))
print("defaults (3.11):", (65).to_bytes(), (255).to_bytes(1))
print("signed:", (-1).to_bytes(2, "big", signed=True), (-128).to_bytes(1, "big", signed=True), (127).to_bytes(1, "little", signed=True))
print("zero length:", (0).to_bytes(0, "big"))
for args in [(256, 1, False), (-1, 1, False), (128, 1, True), (-129, 1, True), (1, 0, False)]:
    v, n, s = args
    try:
        v.to_bytes(n, "big", signed=s)
    except OverflowError as e:
        print(f"{v}.to_bytes({n}, signed={s}):", e)
try:
    (1).to_bytes(1, "middle")
except ValueError as e:
    print("bad order:", e)
print("from_bytes:", int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"))
print("from_bytes signed:", int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\x80", "big", signed=True))
print("from iterable:", int.from_bytes([1, 2, 3], "big"), int.from_bytes(bytearray(b"\x01\x00"), "little"))
print("empty:", int.from_bytes(b"", "big"), int.from_bytes(b"", "big", signed=True))
print("default order big:", int.from_bytes(b"\x01\x02"))
big = 2**200 + 12345
bs = big.to_bytes(26, "little")
print("round trip big:", int.from_bytes(bs, "little") == big, len(bs))
print("round trip negative:", all(int.from_bytes(x.to_bytes(3, "big", signed=True), "big", signed=True) == x for x in range(-2**23, 2**23, 99991)))
class B(int):
    pass
r = B.from_bytes(b"\x05", "big")
print("subclass from_bytes:", r, type(r).__name__)
try:
    int.from_bytes("abc", "big")
except TypeError as e:
    print("str input:", e)
try:
    int.from_bytes([256], "big")
except ValueError as e:
    print("bad element:", e)
