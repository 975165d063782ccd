# Inner functions shadowing outer names with parameters, comprehension variables and assignments.
def outer():
    x = "outer"
    def param_shadow(x):
        return x
    def assign_shadow():
        x = "inner assignment"
        return x
    def comprehension_shadow():
        return [x for x in ("comp",)]
    def reads():
        return x
    return param_shadow("param"), assign_shadow(), comprehension_shadow(), reads(), x
print(outer())
def levels():
    name = "level1"
    def two():
        name = "level2"
        def three():
            return name
        return three()
    return two(), name
print(levels())
def default_vs_closure():
    v = "closure"
    def f(v=v + " as default"):
        return v
    v = "changed"
    def g():
        return v
    return f(), g()
print(default_vs_closure())
