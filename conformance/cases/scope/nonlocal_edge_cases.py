# nonlocal across several levels, with class bodies in between, and after deletion.
def a():
    v = 0
    def b():
        def c():
            nonlocal v
            v += 1
            return v
        return c()
    return b(), b(), v
print(a())
def through_class():
    n = 1
    class K:
        def bump(self):
            nonlocal n
            n += 10
            return n
    K().bump()
    return n
print(through_class())
def rebind_after_del():
    w = 1
    def clear():
        nonlocal w
        del w
    def setw():
        nonlocal w
        w = "reset"
    clear()
    try:
        w
    except NameError as e:
        print("NameError:", e)
    setw()
    return w
print(rebind_after_del())
