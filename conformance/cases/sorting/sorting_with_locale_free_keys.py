# Sorting records by computed keys: case-insensitive, numeric strings, dates as tuples, None last.
import re
def types_named(err):
    return sorted(set(re.findall(r"'(\w+)'", str(err))) - {'<'})
records = [("b", "10", (2024, 5, 1), None), ("A", "9", (2023, 12, 31), 3), ("c", "100", (2024, 1, 15), 1),
           ("a", "9", (2024, 5, 1), None), ("B", "09", (2023, 1, 1), 2)]
print([r[0] for r in sorted(records, key=lambda r: (r[0].lower(), r[0]))])
print([r[1] for r in sorted(records, key=lambda r: (int(r[1]), r[1]))])
print([r[2] for r in sorted(records, key=lambda r: r[2], reverse=True)])
print([r[3] for r in sorted(records, key=lambda r: (r[3] is None, r[3] or 0))])
try:
    sorted(records, key=lambda r: r[3])
except TypeError as e:
    print("TypeError between", types_named(e))
print(sorted(["10", "9", "100", "09"]), sorted(["10", "9", "100", "09"], key=int))
