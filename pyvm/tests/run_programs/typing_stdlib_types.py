# gc-stress-interval: 500
# Struct sequences (os.stat_result, os.uname_result, time.struct_time...),
# enum's str()/format(), types.SimpleNamespace, and the stdlib modules they
# unblock: pathlib, uuid, platform.
import enum
import os
import pickle
import time
import types

st = os.stat('.')
print(type(st), len(st), st.n_fields, st.n_sequence_fields, st.n_unnamed_fields, type(st).__mro__)
print(st.st_mode == st[0], isinstance(st.st_atime, float), isinstance(st[7], int),
      st.st_size == st[6], isinstance(st.st_mtime_ns, int), st.st_mtime_ns // 10**9 == st[8])
s2 = os.stat_result((1,) * 10)
print(s2, s2.st_atime, s2.st_blocks, s2 == (1,) * 10, s2[2:4])
print(os.stat_result(tuple(range(12))).st_mtime, os.stat_result(tuple(range(10)), {'st_atime': 5.5}).st_atime)
for bad in [(1, 2), (1,) * 20]:
    try:
        os.stat_result(bad)
    except TypeError as e:
        print('TypeError:', e)
print(s2.__reduce__())
print(pickle.loads(pickle.dumps(s2)) == s2)
try:
    st.st_mode = 5
except AttributeError as e:
    print('AttributeError:', e)
u = os.uname()
sysname, node, release, version, machine = u
print(type(u), u.sysname == sysname, len(u), u[0] == sysname, type(u).__match_args__,
      repr(u).startswith("posix.uname_result(sysname='"))
match u:
    case os.uname_result(sysname=x):
        print('matched', x == sysname)
t = time.gmtime(0)
print(t, t.tm_zone, t.tm_gmtoff, len(t), tuple(t), t[:3], t == time.gmtime(0), hash(t) == hash(tuple(t)))
print(time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)), time.strftime('%Y-%m-%d', t), time.asctime(t))
try:
    time.struct_time((1, 2))
except TypeError as e:
    print('TypeError:', e)
print(os.terminal_size((80, 24)), os.terminal_size((80, 24)).lines)
try:
    os.terminal_size((1, 2, 3))
except TypeError as e:
    print('TypeError:', e)
tm = os.times()
print(type(tm), len(tm), tm.user == tm[0])
with os.scandir('.') as it:
    print(type(it).__name__, any(e.name == 'typing_stdlib_types.py' for e in it))


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 3


class Color(enum.StrEnum):
    RED = 'red'


class Plain(enum.Enum):
    A = 1


rw = Perm.R | Perm.W
print(str(Perm.R), format(Perm.R), rw, str(rw), repr(rw), f'{Perm.W:>5}', '%s' % Perm.X, [rw])
print(str(Level.HIGH), format(Level.HIGH), f'{Level.HIGH}', repr(Level.HIGH), f'{Level.LOW:03d}',
      '{}'.format(Level.LOW), Level.HIGH + 1)
print(str(Color.RED), format(Color.RED), repr(Color.RED), f'{Color.RED:>5}|')
print(str(Plain.A), format(Plain.A), repr(Plain.A), f'{Plain.A}')


class I(int):
    pass


print(int.__format__(I(3), '>4'), format(I(3), '>4'), int.__format__(Level.HIGH, ''), float.__format__(2.5, '>6'))
try:
    int.__format__('a', '')
except TypeError as e:
    print('TypeError:', e)

ns = types.SimpleNamespace(a=1, b='x')
print(ns, types.SimpleNamespace, ns == types.SimpleNamespace(b='x', a=1))

import pathlib
import platform
import uuid

p = pathlib.Path('/usr/lib') / 'python3' / 'x.tar.gz'
print(p, repr(p), p.name, p.suffix, p.suffixes, p.stem, p.parent, p.parts, p.anchor)
print(p.with_suffix('.zip'), p.with_name('y.txt'), p.with_stem('q'), p.relative_to('/usr'), p.is_absolute())
print(pathlib.PurePosixPath('a/b') / 'c', list(pathlib.Path('/a/b/c').parents), pathlib.Path('a') < pathlib.Path('b'))
here = pathlib.Path('.').resolve()
d = here / 'typing_tmp_dir'
if d.exists():
    for f in sorted(d.rglob('*'), reverse=True):
        f.rmdir() if f.is_dir() else f.unlink()
    d.rmdir()
d.mkdir()
(d / 'a.txt').write_text('hello\n')
(d / 'b.py').write_bytes(b'x = 1\n')
(d / 'sub').mkdir()
(d / 'sub' / 'c.txt').write_text('c')
print((d / 'a.txt').read_text(), (d / 'b.py').read_bytes(), (d / 'a.txt').exists(), (d / 'zz').exists(),
      (d / 'sub').is_dir(), (d / 'a.txt').is_file(), (d / 'a.txt').stat().st_size)
print(sorted(x.name for x in d.iterdir()))
print(sorted(str(x.relative_to(d)) for x in d.glob('*.txt')), sorted(str(x.relative_to(d)) for x in d.rglob('*.txt')))
print((d / 'sub' / '..' / 'a.txt').resolve() == d / 'a.txt', (d / 'a.txt').relative_to(here))
try:
    (d / 'nope').read_text()
except FileNotFoundError as e:
    print('FileNotFoundError:', str(e).replace(str(here), '{here}'))
try:
    pathlib.Path('a').relative_to('b')
except ValueError as e:
    print('ValueError:', e)
(d / 'sub' / 'c.txt').unlink()
(d / 'sub').rmdir()
(d / 'a.txt').unlink()
(d / 'b.py').unlink()
d.rmdir()
print(d.exists())

x = uuid.UUID('12345678-1234-5678-1234-567812345678')
print(x, repr(x), x.hex, x.int, x.bytes, x.fields, x.urn, x.version, x.variant)
print(uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid3(uuid.NAMESPACE_URL, 'x'))
print(uuid.UUID(bytes=b'\x12' * 16), uuid.UUID(int=5), x == uuid.UUID(str(x)), x < uuid.UUID(int=2**127))
r = uuid.uuid4()
print(r.version, len(str(r)), r != uuid.uuid4(), uuid.uuid1().version)
try:
    uuid.UUID('zz')
except ValueError as e:
    print('ValueError:', e)
print(platform.system() == os.uname().sysname, platform.machine() == os.uname().machine)
