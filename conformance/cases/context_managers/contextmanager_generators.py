# contextlib.contextmanager edge cases: exceptions thrown into the generator, re-raise, no yield.
import contextlib
@contextlib.contextmanager
def transaction(log):
    log.append("begin")
    try:
        yield log
    except Exception as e:
        log.append(f"rollback({type(e).__name__})")
        raise
    else:
        log.append("commit")
log = []
with transaction(log):
    log.append("work")
print(log)
log = []
try:
    with transaction(log):
        raise KeyError("conflict")
except KeyError:
    log.append("caller saw KeyError")
print(log)
@contextlib.contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
@contextlib.contextmanager
def swallow():
    try:
        yield
    except ValueError:
        pass
with swallow():
    raise ValueError
print("swallowed by generator")
@contextlib.contextmanager
def stop_iter():
    yield
try:
    with stop_iter():
        raise StopIteration("inside")
except (StopIteration, RuntimeError) as e:
    print("StopIteration raised in the body comes out as", type(e).__name__, e)
cm = transaction([])
print(type(cm).__name__, hasattr(cm, "__enter__"))
@transaction([])
def decorated():
    return "contextmanager used as decorator"
print(decorated())
