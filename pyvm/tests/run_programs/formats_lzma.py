# gc-stress-interval: 32
# _lzma: xz/alone/raw streams, checks, filter chains, incremental decompression, errors
import lzma, _lzma, io
data = b'hello lzma ' * 500 + bytes(range(256)) * 8
for fmt in (lzma.FORMAT_XZ, lzma.FORMAT_ALONE):
    c = lzma.compress(data, format=fmt)
    print(fmt, len(c), c[:12].hex(), lzma.decompress(c) == data)
print(lzma.compress(b'hello'))
for chk in (lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_SHA256):
    c = lzma.compress(data, check=chk, preset=1)
    d = lzma.LZMADecompressor()
    print(chk, len(c), d.check, d.decompress(c) == data, d.check, d.eof)
raw = [{'id': lzma.FILTER_DELTA, 'dist': 4}, {'id': lzma.FILTER_LZMA2, 'preset': 7 | lzma.PRESET_EXTREME}]
c = lzma.compress(data, format=lzma.FORMAT_RAW, filters=raw)
print(len(c), lzma.decompress(c, format=lzma.FORMAT_RAW, filters=raw) == data)
c = lzma.compress(data, filters=[{'id': lzma.FILTER_X86}, {'id': lzma.FILTER_LZMA2, 'dict_size': 1 << 20, 'lc': 2, 'mf': lzma.MF_BT2, 'mode': lzma.MODE_FAST}])
print(len(c), lzma.decompress(c) == data)
c = lzma.compress(data)
d = lzma.LZMADecompressor()
print(d.check, d.eof, d.needs_input, d.unused_data)
out = d.decompress(c[:50], max_length=20)
print(len(out), d.needs_input, d.check)
out += d.decompress(c[50:] + b'junk', max_length=100)
print(len(out), d.eof, d.needs_input)
while not d.eof:
    out += d.decompress(b'', max_length=2000)
print(out == data, d.eof, d.needs_input, d.unused_data)
print(lzma.decompress(c + c) == data + data)
comp = lzma.LZMACompressor()
out = comp.compress(data[:1000]) + comp.compress(data[1000:]) + comp.flush()
print(out == c)
buf = io.BytesIO()
with lzma.open(buf, 'wt', encoding='utf-8') as f:
    f.write('first\nsecond\n')
buf.seek(0)
with lzma.open(buf, 'rt', encoding='utf-8') as f:
    print(f.readlines())
print(_lzma._encode_filter_properties({'id': lzma.FILTER_LZMA2, 'preset': 6}),
      _lzma._encode_filter_properties({'id': lzma.FILTER_LZMA1, 'preset': 6}),
      _lzma._encode_filter_properties({'id': lzma.FILTER_DELTA, 'dist': 4}),
      _lzma._encode_filter_properties({'id': lzma.FILTER_X86, 'start_offset': 16}),
      _lzma._encode_filter_properties({'id': lzma.FILTER_X86}))
for bad in [lambda: lzma.LZMACompressor(format=9), lambda: lzma.LZMACompressor(format=lzma.FORMAT_RAW),
            lambda: lzma.LZMACompressor(format=lzma.FORMAT_ALONE, check=lzma.CHECK_CRC32),
            lambda: lzma.LZMACompressor(preset=1, filters=[]), lambda: lzma.LZMACompressor(check=3),
            lambda: lzma.LZMACompressor(preset=99), lambda: lzma.LZMACompressor(filters=[{}]),
            lambda: lzma.LZMACompressor(filters=[{'id': 99}]),
            lambda: lzma.LZMACompressor(filters=[{'id': lzma.FILTER_LZMA2, 'bogus': 1}]),
            lambda: lzma.LZMADecompressor(format=lzma.FORMAT_RAW),
            lambda: lzma.LZMADecompressor(format=lzma.FORMAT_XZ, filters=[]),
            lambda: lzma.LZMADecompressor(memlimit=5, format=lzma.FORMAT_RAW, filters=[{'id': lzma.FILTER_LZMA2}]),
            lambda: lzma.decompress(b'garbage'), lambda: lzma.decompress(lzma.compress(b'abc')[:-3]),
            lambda: lzma.LZMADecompressor().decompress('s'),
            lambda: lzma.compress(b'x', format=lzma.FORMAT_RAW, filters=[{'id': lzma.FILTER_DELTA}]),
            lambda: lzma.LZMACompressor(filters=[{'id': lzma.FILTER_LZMA2}] * 5),
            lambda: lzma.is_check_supported(lzma.CHECK_SHA256), lambda: lzma.is_check_supported(3),
            lambda: lzma.decompress(lzma.compress(data), memlimit=1000)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
comp = lzma.LZMACompressor()
comp.flush()
for bad in [lambda: comp.compress(b'y'), comp.flush, lambda: d.decompress(b'x')]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(lzma.LZMAError.__module__, lzma.LZMACompressor.__module__, lzma.CHECK_ID_MAX, lzma.FILTER_LZMA1)
