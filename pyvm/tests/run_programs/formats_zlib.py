# gc-stress-interval: 16
# zlib dictionaries (zdict) and Compress/Decompress.copy()
import zlib
zd = b'the quick brown fox jumps over the lazy dog ' * 4
data = b'the lazy dog jumps over the quick brown fox ' * 3
for level in (0, 9):
    print(level, zlib.compress(data, level).hex())
co = zlib.compressobj(zdict=zd)
z = co.compress(data) + co.flush()
plain = zlib.compress(data)
print(len(z) < len(plain), zlib.decompressobj(zdict=zd).decompress(z) == data)
try:
    zlib.decompress(z)
except zlib.error as e:
    print('error', e)
d = zlib.decompressobj()
try:
    d.decompress(z)
except zlib.error as e:
    print('error', e)
d = zlib.decompressobj(zdict=bytearray(zd))
print(d.decompress(z[:10]) + d.decompress(z[10:]) == data, d.eof)
co = zlib.compressobj(9, zlib.DEFLATED, -15, zdict=zd)
raw = co.compress(data) + co.flush()
print(zlib.decompressobj(-15, zdict=memoryview(zd)).decompress(raw) == data)
try:
    zlib.decompressobj(-15, zdict=b'other dictionary').decompress(raw)
except zlib.error as e:
    print('error', e)
for bad in [lambda: zlib.compressobj(zdict='str'), lambda: zlib.decompressobj(zdict=1)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
co = zlib.compressobj()
head = co.compress(b'shared prefix, ')
c2 = co.copy()
a = head + co.compress(b'first ending') + co.flush()
b = head + c2.compress(b'second ending') + c2.flush()
print(zlib.decompress(a), zlib.decompress(b))
try:
    co.copy()
except ValueError as e:
    print('ValueError', e)
try:
    co.compress(b'x')
except zlib.error as e:
    print('error', e)
z = zlib.compress(bytes(range(256)) * 50)
d = zlib.decompressobj()
first = d.decompress(z[:100])
d2 = d.copy()
r1 = first + d.decompress(z[100:])
r2 = first + d2.decompress(z[100:])
print(r1 == r2 == bytes(range(256)) * 50, d.eof, d2.eof)
d3 = d.copy()
print(d3.eof, d3.unused_data, type(d3).__name__)
d = zlib.decompressobj(zdict=zd)
co = zlib.compressobj(zdict=zd)
z = co.compress(data) + co.flush()
part = d.decompress(z[:5])
dc = d.copy()
print(part + dc.decompress(z[5:]) == data)
d = zlib.decompressobj()
out = d.decompress(zlib.compress(b'a' * 5000), 100)
print(len(out), len(d.unconsumed_tail) > 0, len(d.flush()), d.eof)
gz = zlib.compressobj(wbits=31)
g = gz.compress(b'gzip body') + gz.flush()
print(g[:10].hex(), zlib.decompress(g, 47), zlib.decompress(g, 31))
try:
    zlib.decompress(b'x\x9c\x03\x00\x00\x00\x00\x01junk')
except zlib.error as e:
    print('error', e)
print(zlib.decompress(zlib.compress(b'') + b'trailing'))
try:
    zlib.decompress(zlib.compress(b'abc')[:-1])
except zlib.error as e:
    print('error', e)
