# User-defined exceptions: attributes, __str__, args handling, catching by base.
class AppError(Exception):
    pass
class ConfigError(AppError):
    def __init__(self, key, problem):
        super().__init__(key, problem)
        self.key = key
        self.problem = problem
    def __str__(self):
        return f"config key {self.key!r}: {self.problem}"
try:
    raise ConfigError("port", "not a number")
except AppError as e:
    print(type(e).__name__, e, e.args, e.key)
    print(repr(e))
class NoInit(Exception):
    def __init__(self):
        pass
e = NoInit()
print(e.args, repr(str(e)))
class WithArgs(Exception):
    def __init__(self, a, b):
        self.total = a + b
e = WithArgs(1, 2)
print(e.args, e.total)
class Bad(Exception):
    def __str__(self):
        return "custom str"
print(str(Bad()), repr(Bad(1)))
try:
    raise Bad
except Bad as e:
    print("class raised, instance caught:", type(e).__name__)
class NotAnException:
    pass
try:
    raise NotAnException()
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        pass
    except NotAnException:
        pass
    print("unused except clause never evaluated")
    try:
        raise ValueError
    except NotAnException:
        pass
except TypeError as e:
    print("TypeError:", e)
