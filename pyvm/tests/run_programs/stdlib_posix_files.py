# gc-stress-interval: 500
# chmod, utime, link, symlink, readlink, truncate, fsync, mkfifo (shutil.copy2 and
# tarfile extraction use them).
import os, shutil, tempfile, stat, time
d = tempfile.mkdtemp()
p = os.path.join(d, "f.txt")
with open(p, "w") as f: f.write("hello world")
os.chmod(p, 0o640); print(oct(stat.S_IMODE(os.stat(p).st_mode)))
os.utime(p, (1000000000, 1200000000.5)); st = os.stat(p); print(st.st_atime, st.st_mtime)
os.utime(p, ns=(5 * 10**9, 7 * 10**9 + 3)); print(os.stat(p).st_mtime_ns)
q = os.path.join(d, "g.txt"); shutil.copy2(p, q); print(os.stat(q).st_mtime_ns, oct(stat.S_IMODE(os.stat(q).st_mode)))
os.link(p, os.path.join(d, "hard")); print(os.stat(p).st_nlink)
os.symlink("f.txt", os.path.join(d, "sym")); print(os.readlink(os.path.join(d, "sym")), os.readlink(os.path.join(d, "sym").encode()))
os.truncate(p, 5); print(open(p).read())
with open(p, "r+") as f:
    os.ftruncate(f.fileno(), 2); os.fsync(f); print(repr(f.read()))
os.mkfifo(os.path.join(d, "fifo")); print(stat.S_ISFIFO(os.stat(os.path.join(d, "fifo")).st_mode))
for call in [lambda: os.chmod(os.path.join(d, "missing"), 0o600), lambda: os.readlink(p), lambda: os.utime(p, (1, 2), ns=(1, 2)), lambda: os.utime(p, 5), lambda: os.link(p, q)]:
    try: call()
    except Exception as e: print(type(e).__name__, e.errno if isinstance(e, OSError) else e)
shutil.rmtree(d)
