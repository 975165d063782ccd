# int/float methods with bad arguments: CPython's messages.
calls = [
    ("(1).to_bytes(1, 'middle')", lambda: (1).to_bytes(1, "middle")), ("(1).to_bytes(-1)", lambda: (1).to_bytes(-1)),
    ("(1).to_bytes('1')", lambda: (1).to_bytes("1")), ("int.from_bytes(1)", lambda: int.from_bytes(1)),
    ("(1).bit_length(1)", lambda: (1).bit_length(1)), ("(1).__round__('x')", lambda: (1).__round__("x")),
    ("(1.5).hex(1)", lambda: (1.5).hex(1)), ("float.fromhex(1)", lambda: float.fromhex(1)), ("(1.5).__round__(1.0)", lambda: (1.5).__round__(1.0)),
    ("(1.5).is_integer(1)", lambda: (1.5).is_integer(1)), ("(1.5).as_integer_ratio(1)", lambda: (1.5).as_integer_ratio(1)),
    ("int.__new__(str)", lambda: int.__new__(str)), ("float.__new__(int)", lambda: float.__new__(int)),
    ("(5).__format__(1)", lambda: (5).__format__(1)), ("(5).conjugate(1)", lambda: (5).conjugate(1)),
    ("divmod(1, 'a')", lambda: divmod(1, "a")), ("(2).__pow__(2, 0)", lambda: (2).__pow__(2, 0)),
    ("(1.0).__trunc__(1)", lambda: (1.0).__trunc__(1)), ("complex(1).__format__('d')", lambda: complex(1).__format__("d")),
]
for label, fn in calls:
    try:
        print(label, "->", fn())
    except (TypeError, ValueError, OverflowError) as e:
        print(label, "->", type(e).__name__ + ":", e)
