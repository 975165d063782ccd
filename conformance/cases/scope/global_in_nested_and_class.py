# global declarations inside nested functions and class bodies.
x = "module"
def outer():
    x = "outer local"
    def inner():
        global x
        x = "set by inner"
    inner()
    return x
print(outer(), x)
class C:
    global y
    y = "set in class body"
    z = "class attribute"
print(y, C.z, hasattr(C, "y"))
def declares_then_deletes():
    global temp
    temp = 1
    del temp
declares_then_deletes()
print("temp" in globals())
def shadow_param_with_local(v):
    v = v * 2
    return v
print(shadow_param_with_local(4))
