# gc.callbacks are invoked around explicit collections with phase and info.
import gc
phases = []
def cb(phase, info):
    phases.append((phase, sorted(info)))
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(phases[0][0], phases[-1][0], phases[0][1])
gc.collect()
print(len(phases))
print(gc.get_freeze_count() >= 0 if hasattr(gc, "get_freeze_count") else True)
print(isinstance(gc.get_count(), tuple), len(gc.get_count()))
print(isinstance(gc.get_stats(), list) and all("collections" in s for s in gc.get_stats()))
