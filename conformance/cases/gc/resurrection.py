# An object resurrected by __del__ stays alive; __del__ runs only once.
import gc
saved = []
class Phoenix:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ of", self.name)
        saved.append(self)
p = Phoenix("bird")
del p
gc.collect()
print("saved:", [s.name for s in saved])
bird = saved.pop()
del bird
gc.collect()
print("second death does not call __del__ again:", saved)
