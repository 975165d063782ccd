# Exceptions raised in __del__ are reported, not propagated; the program continues.
import gc
import sys
class Bad:
    def __del__(self):
        raise ValueError("error inside __del__")
messages = []
def hook(unraisable):
    messages.append((type(unraisable.exc_value).__name__, str(unraisable.exc_value)))
sys.unraisablehook = hook
b = Bad()
del b
gc.collect()
print("program continues")
print(messages)
