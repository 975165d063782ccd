# gc-stress-interval: 500
# The pure-Python standard library on pyvm: importing and using modules
# that need subclasses of builtins, enum, re, json and friends.
import collections, enum, functools, json, re, random, string, textwrap
import fractions, decimal, statistics, pickle, base64, hashlib, types

Point = collections.namedtuple("Point", "x y")
p = Point(1, 2)
print(p, p._replace(x=5), p._asdict(), isinstance(p, tuple))
print(collections.Counter("abracadabra").most_common(2), collections.OrderedDict(a=1, b=2))

class Color(enum.Enum):
    RED = 1
    GREEN = 2
class Perm(enum.IntFlag):
    R = 4
    W = 2
print(Color.RED, Color(2), list(Color), Perm.R in (Perm.R | Perm.W), int(Perm.R | Perm.W))
print(re.findall(r"\d+", "a1b22c333"), re.sub(r"(\w)(\d)", r"\2\1", "a1 b2"))
print(json.dumps({"a": [1, 2.5, None, True]}, sort_keys=True), json.loads('{"x": [1, {"y": "z"}]}'))
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.lru_cache()(lambda n: n * 2)(21))
r = random.Random(42)
print([r.randint(1, 100) for _ in range(5)], string.ascii_lowercase[:5])
print(textwrap.fill("the quick brown fox jumps over the lazy dog", 15))
print(fractions.Fraction(3, 4) + fractions.Fraction(1, 4), decimal.Decimal("1.10") + decimal.Decimal("2.20"))
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]))
print(pickle.loads(pickle.dumps({"k": [1, 2, (3, 4)]})), base64.b64encode(b"pyvm"))
print(hashlib.sha256(b"abc").hexdigest()[:16], types.GenericAlias(list, (int,)))
import argparse, os, shutil
parser = argparse.ArgumentParser(prog="demo")
parser.add_argument("--n", type=int, default=3)
print(parser.parse_args(["--n", "7"]).n, os.terminal_size((80, 24)), shutil.get_terminal_size((77, 5)).columns > 0)
