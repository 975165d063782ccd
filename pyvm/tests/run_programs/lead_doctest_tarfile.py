# gc-stress-interval: 64
# doctest and tarfile: both subclass concrete io classes (doctest's
# _SpoofOut(StringIO), tarfile's ExFileObject(BufferedReader)).
import io
import os
import tempfile

import doctest


def documented():
    """
    >>> 1 + 1
    2
    >>> print('x')
    y
    """


failures = doctest.run_docstring_examples(documented, {}, name="documented")
print("doctest:", failures)

import tarfile

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "a.txt")
    with open(path, "w") as f:
        f.write("hello tar\n" * 3)
    archive = os.path.join(tmp, "x.tar")
    with tarfile.open(archive, "w", format=tarfile.GNU_FORMAT) as tf:
        tf.add(path, arcname="a.txt")
        data = b"in memory"
        info = tarfile.TarInfo("b.bin")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    with tarfile.open(archive) as tf:
        print(tf.getnames())
        print(tf.extractfile("a.txt").read())
        member = tf.getmember("b.bin")
        print(member.size, tf.extractfile(member).readline())
