# concurrent.futures.ThreadPoolExecutor: map order, futures, exceptions.
from concurrent.futures import ThreadPoolExecutor, as_completed
def square(x):
    return x * x
def fail(x):
    raise ValueError(f"bad {x}")
with ThreadPoolExecutor(max_workers=3) as ex:
    print(list(ex.map(square, range(8))))
    futs = {ex.submit(square, i): i for i in range(5)}
    done = sorted((futs[f], f.result()) for f in as_completed(futs))
    print(done)
    bad = ex.submit(fail, 7)
    try:
        bad.result()
    except ValueError as e:
        print("ValueError:", e)
    print(type(bad.exception()).__name__, bad.done())
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError:", e)
