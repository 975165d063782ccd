# Exceptions survive copy and pickle with their args; custom attributes need __reduce__.
import copy
import pickle
e = ValueError("message", 42)
c = copy.copy(e)
print(type(c).__name__, c.args, c is e)
p = pickle.loads(pickle.dumps(e))
print(type(p).__name__, p.args)
k = pickle.loads(pickle.dumps(KeyError("k")))
print(repr(k), str(k))
o = pickle.loads(pickle.dumps(OSError(2, "No such file", "f.txt")))
print(type(o).__name__, o.errno, o.strerror, o.filename)
class Custom(Exception):
    def __init__(self, code, text):
        super().__init__(code, text)
        self.code = code
        self.text = text
cc = pickle.loads(pickle.dumps(Custom(7, "seven")))
print(cc.code, cc.text, cc.args)
g = pickle.loads(pickle.dumps(ExceptionGroup("grp", [ValueError(1)])))
print(repr(g))
e.extra = "attribute"
print(pickle.loads(pickle.dumps(e)).extra)
