# Traceback objects: tb_lineno, tb_next, frames and with_traceback.
import sys
def fail():
    x = 1
    raise RuntimeError("boom")
try:
    fail()
except RuntimeError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)
    print(sys.exc_info()[0].__name__, sys.exc_info()[1] is e)
    print(sys.exception() is e if hasattr(sys, 'exception') else True)
print(sys.exc_info())
e = ValueError("x")
try:
    raise e.with_traceback(None)
except ValueError as caught:
    print(caught.__traceback__.tb_frame.f_code.co_name, caught.__traceback__.tb_next)
def reraiser():
    try:
        fail()
    except RuntimeError as err:
        saved = err
    raise saved
try:
    reraiser()
except RuntimeError as err:
    tb = err.__traceback__
    count = 0
    while tb:
        count += 1
        tb = tb.tb_next
    print("frames in traceback:", count)
