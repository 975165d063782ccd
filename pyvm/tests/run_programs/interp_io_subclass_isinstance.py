# gc-stress-interval: 200
# isinstance/issubclass against the io classes for Python subclasses of them.
import io


class MyStringIO(io.StringIO):
    pass


class MyBytesIO(io.BytesIO):
    def extra(self):
        return "extra"


class Raw(io.RawIOBase):
    def readinto(self, b):
        return 0

    def readable(self):
        return True


s = MyStringIO("hello")
b = MyBytesIO(b"data")
print(isinstance(s, io.StringIO), isinstance(s, io.TextIOBase), isinstance(s, io.IOBase))
print(isinstance(s, io.TextIOWrapper), isinstance(s, io.BytesIO), isinstance(s, io.BufferedIOBase))
print(isinstance(b, io.BytesIO), isinstance(b, io.BufferedIOBase), isinstance(b, io.StringIO), b.extra())
print(issubclass(MyStringIO, io.StringIO), issubclass(MyBytesIO, io.BytesIO), issubclass(MyBytesIO, io.RawIOBase))
print(isinstance(s, (int, io.StringIO)), isinstance(io.StringIO(), MyStringIO))
print(s.read(), b.read())

br = io.BufferedReader(Raw())
print(isinstance(br, io.BufferedReader), isinstance(br, io.BufferedIOBase), isinstance(br, io.BufferedWriter))


class MyReader(io.BufferedReader):
    pass


class MyRandom(io.BufferedRandom):
    pass


class MyWrapper(io.TextIOWrapper):
    pass


print(issubclass(MyReader, io.BufferedReader), issubclass(MyReader, io.BufferedRandom))
print(issubclass(MyRandom, io.BufferedRandom), issubclass(MyRandom, io.BufferedReader), issubclass(MyRandom, io.BufferedWriter))
print(issubclass(MyWrapper, io.TextIOWrapper), issubclass(MyWrapper, io.TextIOBase), issubclass(MyStringIO, io.TextIOWrapper))
w = MyWrapper(io.BytesIO(b"line one\nline two\n"), encoding="utf-8")
print(isinstance(w, io.TextIOWrapper), w.readline().strip())
print(isinstance(5, io.StringIO), issubclass(int, io.IOBase))
