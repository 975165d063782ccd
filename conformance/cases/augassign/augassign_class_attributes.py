# += on class attributes through instances creates instance attributes; mutable ones are shared.
class Config:
    retries = 1
    tags = []
a, b = Config(), Config()
a.retries += 2
print(a.retries, b.retries, Config.retries, "retries" in vars(a))
a.tags += ["x"]
print(b.tags, Config.tags, "tags" in vars(a), a.tags is Config.tags)
b.tags = b.tags + ["y"]
print(b.tags, Config.tags, b.tags is Config.tags)
Config.retries *= 10
print(a.retries, b.retries, Config().retries)
class Frozen:
    __slots__ = ()
    count = 0
f = Frozen()
try:
    f.count += 1
except AttributeError as e:
    print("AttributeError:", e)
Frozen.count += 1
print(Frozen.count, f.count)
