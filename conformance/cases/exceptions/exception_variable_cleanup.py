# The 'as' target is deleted at the end of the except clause.
e = "before"
try:
    raise ValueError("v")
except ValueError as e:
    print("inside:", repr(e))
try:
    print(e)
except NameError as err:
    print("NameError:", err)
def keep():
    try:
        raise KeyError("kept")
    except KeyError as exc:
        saved = exc
    return saved
print(repr(keep()))
def cleanup_local():
    try:
        raise TypeError
    except TypeError as local_exc:
        pass
    return 'local_exc' in locals()
print(cleanup_local())
try:
    raise IndexError("i")
except IndexError as exc:
    exc = "rebound"
    print(exc)
print('exc' in dir())
