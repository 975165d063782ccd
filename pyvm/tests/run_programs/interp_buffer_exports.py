# Resizing a bytearray (or writing a BytesIO) while a memoryview exports it.
import io


def attempt(label, fn):
    try:
        fn()
        print(label, "ok")
    except BufferError as e:
        print(label, "BufferError:", e)


ba = bytearray(b"abc")
m = memoryview(ba)
attempt("append", lambda: ba.append(1))
attempt("extend", lambda: ba.extend(b"xy"))
attempt("extend empty", lambda: ba.extend(b""))
attempt("pop", lambda: ba.pop())
attempt("insert", lambda: ba.insert(0, 1))
attempt("remove", lambda: ba.remove(ord("a")))
attempt("clear", lambda: ba.clear())


def iadd():
    global ba
    ba += b"z"


attempt("+=", iadd)


def delitem():
    del ba[0]


attempt("del item", delitem)


def grow_slice():
    ba[0:1] = b"xyz"


def same_slice():
    ba[0:1] = b"X"


attempt("slice grow", grow_slice)
attempt("slice same size", same_slice)
m[1] = ord("Y")
print(ba, m.tobytes())
try:
    m[0] = 300
except ValueError as e:
    print("ValueError:", e)
m.release()
attempt("append after release", lambda: ba.append(33))
print(ba)

with memoryview(ba) as v:
    attempt("inside with", lambda: ba.append(1))
attempt("after with", lambda: ba.append(2))

# A view dropped without release() stops exporting once it is gone.
v = memoryview(ba)
del v
attempt("after the view died", lambda: ba.append(3))
print(len(ba))

# A slice of a view exports too.
v = memoryview(ba)
s = v[1:3]
v.release()
attempt("slice alive", lambda: ba.append(4))
s.release()
attempt("slice released", lambda: ba.append(5))

# Views of other objects do not matter.
other = bytearray(b"other")
keep = memoryview(b"bytes")
keep2 = memoryview(other)
attempt("unrelated bytearray", lambda: ba.append(6))
print(len(ba), bytes(keep), bytes(keep2))

bio = io.BytesIO(b"data")
buf = bio.getbuffer()
attempt("BytesIO write", lambda: bio.write(b"more"))
buf.release()
attempt("BytesIO write after release", lambda: bio.write(b"more"))
print(bio.getvalue())
