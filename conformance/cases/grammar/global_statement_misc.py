# del, global and augmented names at module level interplay with functions and exec.
value = 1
def read():
    return value
def rebind_local():
    value = 100
    return value
print(read(), rebind_local(), value)
value += 1
print(read())
del value
try:
    read()
except NameError as e:
    print("NameError:", e)
exec("value = 'from exec'")
print(read())
globals()["value"] = "via globals()"
print(read())
def define_later():
    return later_defined()
def later_defined():
    return "functions resolve globals at call time"
print(define_later())
