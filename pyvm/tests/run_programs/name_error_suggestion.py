# An uncaught NameError suggests the closest name as CPython 3.11 does
# (locals of the failing frame, then its globals, then the builtins).
counter = 0


def bump(step):
    total = counter + step
    return totl


print("before")
bump(1)
