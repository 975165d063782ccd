# gc-stress-interval: 32
# _bz2: compressors, decompressors (eof, unused_data, needs_input), bz2.open, tarfile r:bz2
import bz2, _bz2, io
data = b'hello world ' * 1000 + bytes(range(256)) * 10
c = bz2.compress(data)
print(len(c), c[:16], c == bz2.compress(data))
print(bz2.decompress(c) == data, bz2.decompress(c + c) == data + data)
for lvl in (1, 5, 9):
    print(lvl, len(bz2.compress(data, lvl)))
comp = _bz2.BZ2Compressor(3)
out = comp.compress(data[:5000]) + comp.compress(data[5000:]) + comp.flush()
print(out == bz2.compress(data, 3))
d = _bz2.BZ2Decompressor()
print(d.eof, d.needs_input, d.unused_data)
r = d.decompress(c[:100])
print(len(r), d.eof, d.needs_input)
r2 = d.decompress(c[100:] + b'extra', max_length=10)
print(len(r2), d.eof, d.needs_input, d.unused_data)
while not d.eof:
    r2 += d.decompress(b'', max_length=3000)
print((r + r2) == data, d.eof, d.needs_input, d.unused_data)
for bad in [lambda: _bz2.BZ2Compressor(0), lambda: _bz2.BZ2Compressor('x'),
            lambda: _bz2.BZ2Decompressor().decompress('x'),
            lambda: _bz2.BZ2Decompressor().decompress(b'junkjunk'),
            lambda: d.decompress(b'x'), lambda: bz2.decompress(c[:-10]),
            lambda: bz2.decompress(b'BZh9' + b'\0' * 20)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
comp = _bz2.BZ2Compressor()
comp.flush()
for bad in [lambda: comp.compress(b'y'), comp.flush]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
buf = io.BytesIO()
with bz2.open(buf, 'wt', encoding='utf-8') as f:
    f.write('line one\nline two\n')
buf.seek(0)
with bz2.open(buf, 'rt', encoding='utf-8') as f:
    print(f.readlines())
buf.seek(0)
with bz2.BZ2File(buf) as f:
    print(f.read(4), f.peek(1)[:1], f.readline(), f.tell())
print(type(_bz2.BZ2Compressor()).__name__, _bz2.BZ2Decompressor.__module__)
