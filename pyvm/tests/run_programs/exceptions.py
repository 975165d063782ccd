class AppError(Exception):
    pass


def risky(kind):
    if kind == 1:
        return 1 / 0
    if kind == 2:
        return [][1]
    if kind == 3:
        return {}["k"]
    if kind == 4:
        raise AppError("custom", 42)
    if kind == 5:
        return undefined_name
    if kind == 6:
        return "a" + 1
    return "ok"


for kind in range(7):
    try:
        print(risky(kind))
    except ZeroDivisionError as e:
        print("zero:", e)
    except (IndexError, KeyError) as e:
        print("lookup:", type(e).__name__, e)
    except AppError as e:
        print("app:", e, e.args)
    except Exception as e:
        print("other:", type(e).__name__, e)

try:
    try:
        raise ValueError("inner")
    finally:
        print("finally runs")
except ValueError as e:
    print("caught", e)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("during")
except KeyError as e:
    print("context:", repr(e.__context__))

try:
    raise AppError("x") from ValueError("cause")
except AppError as e:
    print("cause:", repr(e.__cause__), e.__suppress_context__)
