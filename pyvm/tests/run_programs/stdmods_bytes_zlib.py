import zlib
def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print(repr(r) if not isinstance(r, bytes) or len(r) < 80 else len(r))
    except Exception as e:
        print(type(e).__name__, e)
data = b"hello world " * 50
for lvl in (-1, 0, 1, 6, 9):
    c = zlib.compress(data, lvl); print(lvl, zlib.decompress(c) == data)
t(zlib.compress, data, 10)
t(zlib.compress, "x")
t(zlib.decompress, b"garbage")
t(zlib.decompress, zlib.compress(data)[:-3])
t(zlib.decompress, zlib.compress(data, wbits=-15), wbits=-15)
t(lambda: zlib.decompress(zlib.compress(data, wbits=31), 31) == data)
t(lambda: zlib.decompress(zlib.compress(data, wbits=31), 47) == data)
t(zlib.crc32, b"hello"); t(zlib.crc32, b"hello", 1); t(zlib.adler32, b"hello"); t(zlib.adler32, b"hello", 7)
t(zlib.adler32, b"")
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION, zlib.Z_FINISH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_NO_FLUSH, zlib.DEF_BUF_SIZE, zlib.Z_BEST_SPEED, zlib.Z_DEFAULT_STRATEGY, zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY)
print(type(zlib.ZLIB_VERSION), zlib.error, issubclass(zlib.error, Exception))
co = zlib.compressobj(9)
parts = [co.compress(data[:100]), co.compress(data[100:]), co.flush()]
z = b"".join(parts)
print(zlib.decompress(z) == data)
do = zlib.decompressobj()
out = do.decompress(z[:50]) + do.decompress(z[50:]) + do.flush()
print(out == data, do.eof, do.unused_data, do.unconsumed_tail)
do = zlib.decompressobj()
out = do.decompress(z + b"extra")
print(out == data, do.eof, do.unused_data)
do = zlib.decompressobj()
o1 = do.decompress(z, 10); print(len(o1))
rest = do.decompress(do.unconsumed_tail); print(len(o1) + len(rest))
co = zlib.compressobj(wbits=-15)
raw = co.compress(b"abc") + co.flush()
print(zlib.decompress(raw, -15))
t(co.compress, b"x"); t(co.flush); print(co.flush(0))
co = zlib.compressobj(); a = co.compress(b"abc"); b = co.flush(zlib.Z_SYNC_FLUSH); print(b[-4:])
d = zlib.decompressobj(); print(d.decompress(a + b))
t(zlib.compressobj, 99)
t(zlib.decompressobj, wbits=3)
print(zlib.decompress(bytearray(zlib.compress(b"q"))))
t(zlib.compress, b"a", level="x")
d=zlib.decompressobj(); z=zlib.compress(b'a'*1000)
print(len(d.decompress(z, max_length=100)), len(d.flush()), d.eof)
d=zlib.decompressobj(); z=zlib.compress(bytes(range(256))*20)
got = b""; buf = z
while not d.eof:
    got += d.decompress(buf, 300); buf = d.unconsumed_tail
print(got == bytes(range(256))*20, d.unused_data)
t(zlib.decompressobj().decompress, b"x", -1)
t(zlib.compressobj().flush, 7)
t(zlib.decompressobj().decompress, b"garbage")
t(zlib.decompress, b"")
print(zlib.decompressobj().flush())
d = zlib.decompressobj(); f = d.decompress(z[:20]); d2 = d.copy(); print(len(f + d2.decompress(z[20:])), len(f + d.decompress(z[20:])))
co = zlib.compressobj(wbits=31); gz = co.compress(b"gzip data") + co.flush()
print(gz[:10], zlib.decompress(gz, 31), zlib.decompress(gz, 47))
print(type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__)
# Streams in pieces: many small calls, output limits, members, trailing data.
big = bytes(range(256)) * 400 + b"tail" * 1000
for wbits in (15, -15, 31, 47):
    co = zlib.compressobj(6, zlib.DEFLATED, 31 if wbits == 47 else wbits)
    z = b"".join(co.compress(big[i:i + 1000]) for i in range(0, len(big), 1000)) + co.flush()
    d = zlib.decompressobj(wbits)
    got = []
    for i in range(0, len(z), 700):
        got.append(d.decompress(d.unconsumed_tail + z[i:i + 700], 5000))
    while not d.eof:
        more = d.decompress(d.unconsumed_tail, 5000)
        if not more:
            got.append(d.flush())
            break
        got.append(more)
    print(wbits, b"".join(got) == big, d.eof, d.unused_data)
co = zlib.compressobj()
parts = [co.compress(b"line %d\n" % i) + co.flush(zlib.Z_SYNC_FLUSH) for i in range(5)]
d = zlib.decompressobj()
print([d.decompress(p) for p in parts])
print(d.decompress(co.flush()), d.eof)
d = zlib.decompressobj(31)
gz = zlib.compress(b"member", wbits=31)
print(d.decompress(gz[:5]), d.decompress(gz[5:12]), d.decompress(gz[12:-4]), d.eof, d.decompress(gz[-4:] + b"next"), d.eof, d.unused_data)
t(zlib.decompressobj(31).decompress, b"\x1f\x8c" + b"x" * 20)
