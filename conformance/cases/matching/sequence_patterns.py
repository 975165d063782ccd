# Sequence patterns: fixed length, star captures, nested sequences, str is not a sequence.
def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a}"
        case [a, b]:
            return f"two {a},{b}"
        case [first, *middle, last]:
            return f"first={first} middle={middle} last={last}"
        case _:
            return "not a sequence"
for v in [[], [1], (1, 2), [1, 2, 3, 4], range(3), "ab", b"ab", {1, 2}, 7]:
    print(repr(v), "->", seq(v))
match [1, [2, 3], (4, 5)]:
    case [x, [y, z], (w, *_)]:
        print("nested", x, y, z, w)
match (1, 2, 3):
    case [1, *rest] if len(rest) == 2:
        print("rest", rest)
match [0, 0]:
    case [0, 0] | [1, 1] as pair:
        print("pair", pair)
