# gc-stress-interval: 500
import os
import tempfile

with tempfile.NamedTemporaryFile("w+", suffix=".txt", prefix="pyvm_") as f:
    name = f.name
    print(os.path.basename(name).startswith("pyvm_"), name.endswith(".txt"), os.path.exists(name))
    f.write("hello\nworld\n")
    f.flush()
    f.seek(0)
    print(f.read().splitlines())
    with open(name) as g:
        print(repr(g.read()))
print("removed on close:", not os.path.exists(name))

f = tempfile.NamedTemporaryFile(delete=False)
f.write(b"kept")
f.close()
with open(f.name, "rb") as g:
    print(g.read())
os.unlink(f.name)

with tempfile.TemporaryDirectory(prefix="pyvm_dir_") as d:
    print(os.path.isdir(d), os.path.basename(d).startswith("pyvm_dir_"))
    sub = os.path.join(d, "a", "b")
    os.makedirs(sub)
    for i in range(3):
        with open(os.path.join(sub, f"f{i}.txt"), "w") as h:
            h.write(str(i))
    print(sorted(os.listdir(sub)))
print("directory removed:", not os.path.exists(d))

td = tempfile.TemporaryDirectory()
path = td.name
print(os.path.isdir(path))
td.cleanup()
print(os.path.exists(path))

fd, p = tempfile.mkstemp(suffix=".bin")
os.write(fd, b"abc")
os.close(fd)
print(os.path.getsize(p))
os.remove(p)
d2 = tempfile.mkdtemp()
print(os.path.isdir(d2), os.listdir(d2))
os.rmdir(d2)

with tempfile.TemporaryFile() as t:
    t.write(b"temporary")
    t.seek(0)
    print(t.read())

with tempfile.SpooledTemporaryFile(max_size=10) as sp:
    sp.write(b"short")
    print(sp._rolled)
    sp.write(b" and now longer")
    print(sp._rolled)
    sp.seek(0)
    print(sp.read())
print(os.path.isdir(tempfile.gettempdir()))
