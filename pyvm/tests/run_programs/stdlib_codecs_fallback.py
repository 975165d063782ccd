# gc-stress-interval: 500
# Codecs pyvm does not implement natively come from the encodings package
# (charmap codecs such as cp437, which zipfile uses for member names).
print(b'\x80\x81abc'.decode('cp437'), 'Çü'.encode('cp437'), 'abc'.encode('koi8_r'),
      b'\xc1'.decode('koi8-r'), b'\x80'.decode('cp1252'), b'\xe4'.decode('mac_roman'))
for f in [lambda: b'ab'.decode('hex'), lambda: 'ab'.encode('rot13'),
          lambda: 'ÿ€'.encode('cp437'), lambda: b'\x81'.decode('cp1252'),
          lambda: b'a'.decode('nope'), lambda: bytearray(b'\x80').decode('cp437'),
          lambda: 'é€'.encode('cp437', 'replace'), lambda: b'\x81x'.decode('cp1252', 'replace'),
          lambda: str(b'\x9b', 'cp437')]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

import io, zipfile
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.writestr("plain.txt", "hello")
    z.writestr("caf\u00e9.txt", "utf-8 name flag")
with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
    print([(i.filename, i.file_size) for i in z.infolist()], z.read("plain.txt"))
