# An uncaught UnicodeDecodeError names the codec, position and reason.
data = b"valid \xe2\x82\xac then invalid \xff"
print(data[:9].decode("utf-8"))
print(data.decode("utf-8"))
