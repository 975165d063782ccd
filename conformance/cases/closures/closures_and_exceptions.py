# Closures capturing exception variables, loop variables and variables deleted later.
def capture_exception():
    try:
        raise ValueError("captured")
    except ValueError as e:
        saved = e
        get = lambda: saved
    return get
print(repr(capture_exception()()))
def deleted_later():
    v = "value"
    f = lambda: v
    del v
    try:
        return f()
    except NameError as e:
        return "NameError: " + str(e)
print(deleted_later())
def reassigned_in_loop():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    i = "after loop"
    return [f() for f in fs]
print(reassigned_in_loop())
def closure_in_except():
    funcs = []
    for x in range(2):
        try:
            raise KeyError(x)
        except KeyError as err:
            funcs.append(lambda err=err: repr(err))
    return [f() for f in funcs]
print(closure_in_except())
