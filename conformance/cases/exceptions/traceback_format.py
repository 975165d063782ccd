# traceback formatting of caught exceptions, with file paths reduced to names.
import os
import traceback
def normalise(text):
    return text.replace(os.path.abspath(__file__), os.path.basename(__file__))
def inner():
    raise ValueError("deep problem")
def middle():
    inner()
def outer():
    middle()
try:
    outer()
except ValueError as e:
    print(normalise(traceback.format_exc()), end="")
    tb = traceback.extract_tb(e.__traceback__)
    print([(os.path.basename(f.filename), f.lineno, f.name, f.line) for f in tb])
    print(traceback.format_exception_only(type(e), e))
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise KeyError("k") from z
except KeyError as e:
    print(normalise("".join(traceback.format_exception(e))), end="")
