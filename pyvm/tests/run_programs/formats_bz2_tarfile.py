# gc-stress-interval: 64
# tarfile r:bz2 / w:bz2 over _bz2
import io
import tarfile, os, tempfile
tmp = tempfile.mkdtemp()
path = os.path.join(tmp, 'a.tar.bz2')
with tarfile.open(path, 'w:bz2') as t:
    ti = tarfile.TarInfo('hello.txt')
    payload = b'tar payload\n'
    ti.size = len(payload)
    ti.mtime = 0
    t.addfile(ti, io.BytesIO(payload))
with tarfile.open(path, 'r:bz2') as t:
    print(t.getnames(), t.extractfile('hello.txt').read())
os.remove(path)
os.rmdir(tmp)
