# bytes/bytearray methods with bad arguments: CPython's TypeError/ValueError messages.
b = b"abc"
ba = bytearray(b"abc")
calls = [
    ("b.split('a')", lambda: b.split("a")), ("b.join(['a'])", lambda: b.join(["a"])), ("b.find('a')", lambda: b.find("a")),
    ("b.replace('a', 'b')", lambda: b.replace("a", "b")), ("b.startswith('a')", lambda: b.startswith("a")),
    ("b.strip('a')", lambda: b.strip("a")), ("b.center(5, 'x')", lambda: b.center(5, "x")), ("b.center(5, b'xy')", lambda: b.center(5, b"xy")),
    ("b.decode(1)", lambda: b.decode(1)), ("b.hex(1)", lambda: b.hex(1)), ("b.count(300)", lambda: b.count(300)),
    ("b.translate(b'x')", lambda: b.translate(b"x")), ("bytes.maketrans(b'a', b'bc')", lambda: bytes.maketrans(b"a", b"bc")),
    ("ba.append('a')", lambda: ba.append("a")), ("ba.extend(5)", lambda: ba.extend(5)), ("ba.insert(0, 256)", lambda: ba.insert(0, 256)),
    ("ba.remove(b'a')", lambda: ba.remove(b"a")), ("ba.pop('0')", lambda: ba.pop("0")), ("ba[0] = -1", lambda: ba.__setitem__(0, -1)),
    ("ba[0:1] = 5", lambda: ba.__setitem__(slice(0, 1), 5)), ("b.fromhex(b'00')", lambda: bytes.fromhex(b"00")),
]
for label, fn in calls:
    try:
        print(label, "->", fn())
    except (TypeError, ValueError) as e:
        print(label, "->", type(e).__name__ + ":", e)
