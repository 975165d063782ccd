# raise ... from inside loops and finally blocks; exceptions replaced in cleanup.
def parse_all(items):
    out = []
    for i, s in enumerate(items):
        try:
            out.append(int(s))
        except ValueError as e:
            raise RuntimeError(f"item {i} is bad") from e
    return out
print(parse_all(["1", "2"]))
try:
    parse_all(["1", "x", "3"])
except RuntimeError as e:
    print(repr(e), "<-", repr(e.__cause__))
def cleanup_fails():
    try:
        raise KeyError("work failed")
    finally:
        try:
            raise OSError("cleanup failed")
        except OSError:
            pass
try:
    cleanup_fails()
except KeyError as e:
    print("original survives handled cleanup error:", repr(e), e.__context__)
def retry(n):
    last = None
    for attempt in range(n):
        try:
            raise ConnectionError(f"attempt {attempt}")
        except ConnectionError as e:
            last = e
    raise TimeoutError("gave up") from last
try:
    retry(3)
except TimeoutError as e:
    print(repr(e), repr(e.__cause__), e.__context__ is None)
