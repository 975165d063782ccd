# An uncaught AttributeError with CPython 3.11's "Did you mean" suggestion on stderr's last line.
class Config:
    def __init__(self):
        self.timeout = 30
c = Config()
print(c.timeout)
print(c.timeuot)
