import marshal,io
print(marshal.dumps(''), marshal.dumps('abc'), marshal.dumps('hello world'), marshal.dumps(1.5))
x=[1.5, 'a b', (1,2), {'k': [3]}, {1,2}, frozenset([3]), 2**70, -2**40, b'xy', 1j, None, True, ..., StopIteration]
print(marshal.dumps(x))
print(marshal.dumps(x, 2))
print(marshal.loads(marshal.dumps(x)) == x, marshal.loads(marshal.dumps(x, 0)) == x)
print(marshal.dumps(1000), marshal.dumps(10**6), marshal.dumps(-5))
y = 'abc'
t = (y, y, 'é', b'a'*30)
print(marshal.dumps(t))
print(marshal.dumps(bytearray(b'ab')), marshal.dumps(memoryview(b'ab')))
print(marshal.version)
print(marshal.dumps(-2**31), marshal.dumps(2**31), marshal.dumps(-(2**100)))
print(marshal.dumps(1.5,1), marshal.dumps(1j,1), marshal.dumps(1e300, 0), marshal.dumps(-0.0, 0))
print(marshal.dumps(('a',)*3, 4), marshal.dumps('\udc80'), marshal.loads(marshal.dumps('\udc80')) == '\udc80')
l=[]; l.append(l); print(marshal.dumps(l)); m = marshal.loads(marshal.dumps(l)); print(m[0] is m)
for d in [b'', b'\x01', b'i\x01', b'0', b'r\x05\x00\x00\x00', b'(\x02\x00\x00\x00i\x01\x00\x00\x000', b'l\x01\x00\x00\x00\xff\xff', b'l\x00\x00\x00\x00', b'l\x01\x00\x00\x00\x00\x00', b'\xff', b'[\xff\xff\xff\xff', b'{i\x01\x00\x00\x00', b'u\x02\x00\x00\x00\xff\xfe', b's\x10\x00\x00\x00ab', b'f\x03abc', b'f\x031.5', b'x\x011\x012', b'[\x010', b'i\x01\x00\x00\x00extra', b'\xe9\x05\x00\x00\x00', b'A\x03\x00\x00\x00abc', b'z\x02hi', b'<\x00\x00\x00\x00', b'>\x00\x00\x00\x00']:
  try: print(repr(marshal.loads(d)))
  except Exception as e: print(type(e).__name__, e)
class I(int): pass
for f in [lambda: marshal.load(), lambda: marshal.dump(1), lambda: marshal.loads(), lambda: marshal.loads(b'N', 2), lambda: marshal.dump(1,2), lambda: marshal.load(5), lambda: marshal.dumps(1,'x'), lambda: marshal.dump(1, io.BytesIO(), 2, 3), lambda: marshal.loads('x'), lambda: marshal.dumps(1, version=2), lambda: marshal.dumps(I(3)), lambda: marshal.dumps(object()), lambda: marshal.dumps(), lambda: marshal.dumps(1,2,3)]:
  try: print(f())
  except Exception as e: print(type(e).__name__, e)
b=io.BytesIO(); marshal.dump([1,'a'], b); marshal.dump(2.5, b); b.seek(0); print(marshal.load(b), marshal.load(b))
try: marshal.load(b)
except Exception as e: print(type(e).__name__, e)
l=[]
for i in range(3000): l=[l]
try: marshal.dumps(l)
except Exception as e: print(type(e).__name__, e)
try: marshal.loads(b'(\x01\x00\x00\x00'*3000)
except Exception as e: print(type(e).__name__, e)
d = {'a': [1, 2.5, {'b': (None, True)}], 'big': [2**100, -(2**64)+1], 's': {'x'}}
r = marshal.loads(marshal.dumps(d))
print(r == d, r)
for v in range(5): print(v, marshal.loads(marshal.dumps(d, v)) == d)
t = marshal.loads(marshal.dumps(('x', 'x')))
print(t[0] is t[1])
