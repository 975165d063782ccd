def f():
    try:
        x = g()
    except Exception:
        raise ValueError("bad") from None
    else:
        return x
    finally:
        yield 1
