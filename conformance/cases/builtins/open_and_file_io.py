# open() and file objects, working in a temporary directory.
import os, tempfile
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "data.txt")
    with open(path, "w", encoding="utf-8") as f:
        print("write returns count:", f.write("line1\nlïne2\n"), f.writable(), f.readable())
        f.writelines(["a", "b\n"])
    with open(path, encoding="utf-8") as f:
        print("read:", repr(f.read()))
    with open(path, encoding="utf-8") as f:
        print("readline/readlines:", repr(f.readline()), f.readlines())
    with open(path, encoding="utf-8") as f:
        print("iteration:", [line.rstrip("\n") for line in f])
    with open(path, "rb") as f:
        raw = f.read()
        print("binary:", raw, type(raw).__name__, f.tell())
        f.seek(2)
        print("seek/read:", f.read(3))
    with open(path, "a", encoding="utf-8") as f:
        f.write("appended")
    with open(path, encoding="utf-8") as f:
        print("after append:", f.read().splitlines()[-1])
    with open(path, "r+b") as f:
        f.write(b"LINE")
    with open(path, "rb") as f:
        print("r+ overwrote:", f.read(6))
    f = open(path)
    f.close()
    print("closed:", f.closed)
    try:
        f.read()
    except ValueError as e:
        print("read closed:", e)
    try:
        open(os.path.join(tmp, "missing.txt"))
    except FileNotFoundError as e:
        print("missing:", type(e).__name__, e.errno == 2, e.strerror)
    for mode in ("rw", "x+b+", "q"):
        try:
            open(path, mode)
        except ValueError as e:
            print("mode", repr(mode), e)
    try:
        open(path, "rb", encoding="utf-8")
    except ValueError as e:
        print("binary with encoding:", e)
    try:
        open(path, "x")
    except FileExistsError as e:
        print("x mode on existing:", type(e).__name__)
    with open(path, "w", newline="") as f:
        f.write("a\r\nb\n")
    with open(path, newline=None) as f:
        print("universal newlines:", f.readlines())
    with open(path, newline="") as f:
        print("newline='':", f.readlines())
