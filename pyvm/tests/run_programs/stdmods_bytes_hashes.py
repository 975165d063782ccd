import _md5, _sha1, _sha256, _sha512, _sha3, _blake2
for mod, name in [(_md5, "md5"), (_sha1, "sha1"), (_sha256, "sha224"), (_sha256, "sha256"), (_sha512, "sha384"), (_sha512, "sha512"), (_sha3, "sha3_224"), (_sha3, "sha3_256"), (_sha3, "sha3_384"), (_sha3, "sha3_512"), (_blake2, "blake2b"), (_blake2, "blake2s")]:
    h = getattr(mod, name)(b"abc")
    h2 = h.copy(); h2.update(b"def")
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest(), h2.hexdigest()[:16], len(h.digest()), type(h).__name__)
print(_sha3.shake_128(b"abc").hexdigest(10), _sha3.shake_256(b"abc").digest(5))
print(_md5.md5(usedforsecurity=False).hexdigest())
print(_sha256.sha256(string=b"kw").hexdigest())
print(_blake2.blake2b(b"x", digest_size=16).hexdigest(), _blake2.blake2s(digest_size=8).hexdigest())
h = _sha256.sha256(); h.update(bytearray(b"ab")); h.update(memoryview(b"cd")); print(h.hexdigest())
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
t(_sha3.shake_128(b"").hexdigest)
t(_blake2.blake2b, digest_size=100)
t(_sha256.sha256, "str")
t(_sha256.sha256, 5)
t(_md5.md5, b"a", b"b")
t(_sha1.sha1().update, "x")
print(_blake2.blake2b(key=b"k").hexdigest()[:16])
# HMAC by hand on the native hashes (RFC 2104), as hmac.py computes it.
def hmac_hex(key, msg, new, block):
    if len(key) > block:
        key = new(key).digest()
    key = key + b"\0" * (block - len(key))
    inner = new(bytes(k ^ 0x36 for k in key)); inner.update(msg)
    outer = new(bytes(k ^ 0x5C for k in key)); outer.update(inner.digest())
    return outer.hexdigest()
print(hmac_hex(b"key", b"The quick brown fox jumps over the lazy dog", _sha256.sha256, 64))
print(hmac_hex(b"key", b"The quick brown fox jumps over the lazy dog", _md5.md5, 64))
print(hmac_hex(b"k" * 200, b"msg", _sha512.sha512, 128)[:32])
big = _sha1.sha1()
for i in range(200):
    big.update(bytes([i % 256]) * 50)
print(big.hexdigest())
print(_blake2.blake2b(b"data", key=b"secret").hexdigest())
print(_blake2.blake2s(b"data", key=b"secret", digest_size=20).hexdigest())
print(_blake2.blake2b(b"data", salt=b"salty", person=b"me").hexdigest()[:40])
print(_blake2.blake2s(b"", key=b"k" * 32).hexdigest())
print(_blake2.blake2b(b"x" * 300, key=b"k").hexdigest()[:40])
kb = _blake2.blake2b(key=b"k"); kb.update(b"ab"); kc = kb.copy(); kc.update(b"c"); print(kb.hexdigest()[:20], kc.hexdigest()[:20])
t(_blake2.blake2b, key=b"k" * 65)
t(_blake2.blake2s, salt=b"s" * 9)
t(_blake2.blake2b, person=b"p" * 17)
import _operator
for a, b in [(b"ab", b"ab"), (b"ab", b"ac"), (b"a", bytearray(b"a")), ("ab", "ab"), ("a", b"a"), (b"a", "a"), (b"a", 1), ("a", 1), (b"abc", b"ab")]:
    t(_operator._compare_digest, a, b)
h = _sha256.sha256()
for i in range(100):
    h.update(b"0123456789abcdef" * 64)
print(h.hexdigest())
T = type(_md5.md5())
t(T.update, 5, b"x")
t(T.hexdigest, "s")
t(T.copy, None)
print(T.__name__, T.__module__)
s = _sha3.shake_256(b"x"); print(s.hexdigest(3), s.hexdigest(6))
b = _blake2.blake2s(b"a", key=b"kk", digest_size=7); c = b.copy(); c.update(b"b"); print(b.hexdigest(), c.hexdigest(), c.digest_size)
