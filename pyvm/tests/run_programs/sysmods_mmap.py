# gc-stress-interval: 32
# mmap: anonymous and file maps, indexing and slices, find/read/readline/write/seek,
# move/resize/flush, ACCESS_READ/COPY, and CPython's errors.
import mmap, os
m = mmap.mmap(-1, 4); m.write(b'abcd'); print(list(m), m[0], m[1:3], m[::2], repr(m)); print(bytes(m))
print(mmap.ACCESS_DEFAULT, mmap.PAGESIZE, mmap.ALLOCATIONGRANULARITY)
print(sorted(n for n in dir(mmap) if n.isupper()))
print(sorted(n for n in dir(m) if not n.startswith('_')))
for f in [lambda: m.__setitem__(0, 300), lambda: m.__setitem__(slice(0,2), b'x'), lambda: m.seek(10), lambda: m.write(b'x'), lambda: m.read_byte(), lambda: m.move(0,3,5), lambda: mmap.mmap(-1,-1), lambda: mmap.mmap(-1,0), lambda: m[10], lambda: m.__setitem__(0, b'a'), lambda: m.__setitem__('a', 1), lambda: m['a'], lambda: m.write('str'), lambda: m.seek(0, 5),
          lambda: mmap.mmap(-1, 4, access=mmap.ACCESS_READ, prot=mmap.PROT_READ), lambda: mmap.mmap(-1, 4, access=7), lambda: m.__delitem__(0)]:
  try: f()
  except Exception as e: print(type(e).__name__, e)
m[0] = 65; m[1:3] = b'XY'; m[::3] = b'12'; print(m[:], m.find(b'Y'), m.rfind(b'2'), m.find(b'zz'), m.find(b'1', 1))
m.seek(0); print(m.read(2), m.tell(), m.read(), m.read(), m.tell())
m.seek(-2, 2); print(m.read_byte(), m.tell()); m.seek(-1, 1); m.write_byte(ord('z')); print(m[:])
m.move(0, 2, 2); print(m[:], len(m))
m.resize(8); print(len(m), m[:4]); m.resize(2); print(m[:])
try: m.size()
except OSError as e: print(e)
m.close(); print(m.closed, repr(m))
for f in [lambda: len(m), lambda: m[0], lambda: m.read(), lambda: m.write(b'a'), lambda: m.tell()]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
m.close()
d = os.path.join(os.environ.get('TMPDIR', '/tmp'), f'sysmods_mmap_{os.getpid()}'); os.mkdir(d); path = os.path.join(d, 'f')
with open(path, 'wb') as f: f.write(b'line one\nline two\nthree')
with open(path, 'r+b') as f:
    with mmap.mmap(f.fileno(), 0) as mm:
        print(len(mm), mm.size(), mm.readline(), mm.readline(), mm.readline(), mm.readline())
        mm[0:4] = b'LINE'; mm.flush()
        print(mm.find(b'two'), mm.rfind(b'line'))
        mm.resize(30); mm[23:30] = b'-resize'; print(mm.size())
    print(mm.closed)
print(open(path, 'rb').read())
with open(path, 'rb') as f:
    ro = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    print(repr(ro).split(',')[1], ro[:4])
    for g in [lambda: ro.__setitem__(0, 1), lambda: ro.write(b'x'), lambda: ro.resize(3), lambda: ro.move(0, 1, 1)]:
        try: g()
        except TypeError as e: print('TypeError', e)
    ro.close()
    cp = mmap.mmap(f.fileno(), 5, access=mmap.ACCESS_COPY); cp[:] = b'COPY!'; print(cp[:]); cp.close()
    print(open(path, 'rb').read(5))
    off = mmap.mmap(f.fileno(), 0, offset=0, prot=mmap.PROT_READ); print(off.read(4), repr(off).split(',')[1]); off.close()
open(path, 'wb').close()
with open(path, 'rb') as f:
    try: mmap.mmap(f.fileno(), 0)
    except ValueError as e: print('ValueError', e)
    try: mmap.mmap(f.fileno(), 10, access=mmap.ACCESS_READ)
    except ValueError as e: print('ValueError', e)
os.unlink(path); os.rmdir(d)
print(mmap.error is OSError, mmap.mmap.__module__, type(m).__name__)
