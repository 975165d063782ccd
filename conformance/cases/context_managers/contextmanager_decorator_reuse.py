# ContextDecorator: a context manager used as a decorator re-enters on every call.
import contextlib
calls = []
class traced(contextlib.ContextDecorator):
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        calls.append(f"enter {self.name}")
        return self
    def __exit__(self, et, ev, tb):
        calls.append(f"exit {self.name} {et.__name__ if et else ''}".strip())
        return False
@traced("work")
def work(x):
    calls.append(f"work({x})")
    if x < 0:
        raise ValueError("negative")
    return x * 2
print(work(1), work(2))
try:
    work(-1)
except ValueError:
    pass
print(calls)
@contextlib.contextmanager
def tag(name):
    calls.append(f"<{name}>")
    yield
    calls.append(f"</{name}>")
@tag("p")
def para():
    calls.append("text")
calls.clear()
para(); para()
print(calls)
