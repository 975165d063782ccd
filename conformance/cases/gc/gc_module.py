# gc module controls: enable/disable, thresholds, is_tracked and get_referents.
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(type(gc.get_threshold()).__name__, len(gc.get_threshold()))
old = gc.get_threshold()
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.is_tracked([]), gc.is_tracked({}))
container = [1, "two", (3,)]
print(sorted(map(repr, gc.get_referents(container))))
print(isinstance(gc.collect(), int))
print(len(gc.garbage))
