# gc-stress-interval: 50
# _hashlib: hashlib's constructors, pbkdf2_hmac and hmac.digest on pyvm's hashes.
import hashlib, hmac, _hashlib
print(hashlib.sha256.__name__, hashlib.new('SHA256', b'abc').hexdigest())
print(hashlib.sha256(b'abc').hexdigest(), hashlib.md5(b'').hexdigest())
print(hashlib.new('sha3_256', b'x').hexdigest(), hashlib.new('blake2b', b'x').hexdigest()[:16])
print(hashlib.new('shake_128', b'x').hexdigest(8), sorted(hashlib.algorithms_guaranteed) == sorted(hashlib.algorithms_guaranteed))
print('sha256' in hashlib.algorithms_available)
try: hashlib.new('nosuch')
except ValueError as e: print(type(e).__name__, e)
for name, it, dk in [('sha256', 1, None), ('sha1', 4096, 20), ('sha512', 3, 100), ('md5', 10, 7), ('sha3_256', 2, None)]:
    print(name, hashlib.pbkdf2_hmac(name, b'password', b'salt', it, dk).hex())
print(hashlib.pbkdf2_hmac('sha256', bytearray(b'k' * 200), memoryview(b'salt'), 5).hex())
for bad in [lambda: hashlib.pbkdf2_hmac('sha256', b'p', b's', 0),
            lambda: hashlib.pbkdf2_hmac('sha256', b'p', b's', 1, 0),
            lambda: hashlib.pbkdf2_hmac('sha256', 'p', b's', 1),
            lambda: hashlib.pbkdf2_hmac('nosuch', b'p', b's', 1),
            lambda: hashlib.pbkdf2_hmac('sha256', b'p', b's', 1.5),
            lambda: hashlib.pbkdf2_hmac('sha256', b'p', b's', 2**40)]:
    try: bad()
    except (TypeError, ValueError, OverflowError) as e: print(type(e).__name__, e)
print(hmac.new(b'key', b'msg', 'sha256').hexdigest())
print(hmac.new(b'key', b'msg', hashlib.sha1).hexdigest())
h = hmac.new(b'k' * 100, digestmod='sha512'); h.update(b'a'); h2 = h.copy(); h2.update(b'b')
print(h.hexdigest()[:20], h2.hexdigest()[:20], h.name, h.digest_size, h.block_size)
print(hmac.digest(b'key', b'msg', 'sha256').hex(), hmac.digest(b'key', b'msg', 'md5').hex())
print(hmac.compare_digest(b'a', b'a'), hmac.compare_digest('a', 'b'), _hashlib.get_fips_mode())
print(issubclass(_hashlib.UnsupportedDigestmodError, ValueError))
print(hmac.digest(b'key', b'msg', hashlib.sha256).hex(), hmac.new(b'k', b'm', hashlib.md5).hexdigest())
