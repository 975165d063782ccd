# gc-stress-interval: 10
# Python subclasses of the concrete io classes, io.IncrementalNewlineDecoder,
# errno aliases.
import codecs
import errno
import io


class Shout(io.StringIO):
    def getvalue(self):
        # An explicit call of the base class's method, as doctest makes.
        return io.StringIO.getvalue(self).upper()


s = Shout()
s.write("hello\n")
print(repr(s.getvalue()), s.tell())


class Counting(io.BytesIO):
    def __init__(self, data):
        super().__init__(data)
        self.reads = 0

    def read(self, n=-1):
        self.reads += 1
        return super().read(n)


b = Counting(b"abcdef")
print(b.read(2), b.read(), b.reads)


class Lines(io.BufferedReader):
    def __init__(self, data):
        super().__init__(io.BytesIO(data))


r = Lines(b"line1\nline2\n")
print(r.readline(), list(r))

# The decoder holds a '\r' back until it knows whether '\n' follows.
d = io.IncrementalNewlineDecoder(codecs.getincrementaldecoder("utf-8")(), True)
print(repr(d.decode(b"a\r")), repr(d.decode(b"\nb\rc")), d.newlines)
print(d.getstate(), repr(d.decode(b"\r", final=True)), d.newlines)
d.reset()
print(d.newlines, io.IncrementalNewlineDecoder.__module__)
plain = io.IncrementalNewlineDecoder(None, False)
print(repr(plain.decode("x\r\ny")), plain.newlines)
try:
    plain.decode(b"bytes")
except TypeError as e:
    print("TypeError:", e)

print(errno.EWOULDBLOCK == errno.EAGAIN, errno.errorcode[errno.EAGAIN])
print(errno.errorcode[errno.EDEADLK], errno.errorcode[errno.EOPNOTSUPP])
