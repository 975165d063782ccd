# gc-stress-interval: 64
# plistlib's XML format over pyexpat
import plistlib, datetime
d = {'a': 1, 'b': [1.5, True, 'x'], 'c': b'bytes', 'd': datetime.datetime(2020, 1, 2, 3, 4, 5), 'e': {'n': None and 1 or 0}}
s = plistlib.dumps(d)
print(s.decode())
print(plistlib.loads(s) == d, plistlib.loads(s))
