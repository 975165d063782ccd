# Errors raised inside else, finally, and while matching except clauses.
def raising_else():
    try:
        pass
    except Exception:
        return "not here"
    else:
        raise ValueError("from else")
try:
    raising_else()
except ValueError as e:
    print(repr(e), e.__context__)
def broken_filter():
    try:
        raise KeyError("k")
    except undefined_exception_name:
        pass
try:
    broken_filter()
except NameError as e:
    print(repr(e), repr(e.__context__))
def nested_handlers():
    try:
        raise TypeError("a")
    except TypeError:
        try:
            raise ValueError("b")
        except ValueError:
            pass
        import sys
        return repr(sys.exc_info()[1])
print(nested_handlers())
import sys
print(sys.exc_info()[0])
