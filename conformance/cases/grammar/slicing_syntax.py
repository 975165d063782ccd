# Slices: defaults, negative steps, extended slices and slice objects.
s = list(range(10))
print(s[2:5], s[:3], s[7:], s[-3:], s[:-7], s[::3], s[::-1], s[8:2:-2])
print(s[100:], s[-100:2], s[5:2], s[::-3])
t = 'abcdefgh'
print(t[1:-1], t[::2], t[-1::-2], t[slice(2, None)], t[slice(None, None, -1)])
class Show:
    def __getitem__(self, key):
        return key
sh = Show()
print(sh[1:2], sh[::], sh[1:2, 3], sh[..., 1], sh[:, None])
print(slice(1, 10, 2).indices(5), slice(None, None, -1).indices(4))
s[2:4] = ['x', 'y', 'z']
print(s)
s[::4] = [0, 0, 0]
print(s)
try:
    s[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
