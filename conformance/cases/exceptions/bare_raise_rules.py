# Bare raise: re-raises the exception being handled; errors outside handlers; inside nested calls.
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
def reraise_from_helper():
    raise
try:
    try:
        raise KeyError("outer")
    except KeyError:
        reraise_from_helper()
except KeyError as e:
    print("helper re-raised the handled exception:", repr(e))
try:
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError:
            pass
        raise
except ValueError as e:
    print("after nested handler, bare raise re-raises:", repr(e))
def after_handler():
    try:
        raise IndexError("gone")
    except IndexError:
        pass
    raise
try:
    after_handler()
except RuntimeError as e:
    print("RuntimeError:", e)
