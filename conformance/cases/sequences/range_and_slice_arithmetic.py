# Equivalences between range(len(...)), slice.indices, and list slicing for many start/stop/step combinations.
data = list(range(10))
mismatches = 0
checked = 0
for start in (None, -12, -3, 0, 2, 9, 15):
    for stop in (None, -12, -1, 0, 5, 10, 20):
        for step in (None, -3, -1, 1, 2, 4):
            s = slice(start, stop, step)
            via_range = [data[i] for i in range(*s.indices(len(data)))]
            checked += 1
            if via_range != data[s]:
                mismatches += 1
print("combinations checked:", checked, "mismatches:", mismatches)
print("len of slice via range:", len(range(*slice(1, None, 3).indices(10))), len(data[1::3]))
print("range slicing equals slicing the list:", list(range(10)[2:9:3]) == data[2:9:3], range(10)[::-1] == range(9, -1, -1))
print("indices examples:", slice(None, None, -1).indices(0), slice(-1, None, -1).indices(3), slice(5, 1).indices(3))
