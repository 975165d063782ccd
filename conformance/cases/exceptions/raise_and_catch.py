# raise forms, except clause matching order, bare raise, exception args.
def risky(kind):
    if kind == 1:
        raise ValueError("bad value")
    if kind == 2:
        raise KeyError("k")
    if kind == 3:
        raise IndexError
    return "fine"
for k in range(4):
    try:
        print(risky(k))
    except (KeyError, IndexError) as e:
        print("lookup:", type(e).__name__, repr(e), e.args)
    except ValueError as e:
        print("value:", e, e.args)
    else:
        print("else ran")
    finally:
        print("finally", k)
try:
    try:
        raise TypeError("inner")
    except TypeError:
        print("re-raising")
        raise
except TypeError as e:
    print("outer got", e)
try:
    raise Exception("a", 1, None)
except Exception as e:
    print(e, e.args, str(Exception()), repr(Exception("x")))
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
