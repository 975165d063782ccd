# gc.get_referrers and get_referents on simple structures (only contents we control).
import gc
class Marker:
    pass
m = Marker()
container = [m]
other = {"key": m}
referrers = gc.get_referrers(m)
print(any(r is container for r in referrers), any(r is other for r in referrers))
print(m in gc.get_referents(container), m in gc.get_referents(other))
t = (1, 2, [3])
print(sorted(map(repr, gc.get_referents(t))))
print(gc.get_referents(1, "s"), gc.get_referents())
