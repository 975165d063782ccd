# del of local, global and enclosing names; rebinding after deletion.
x = 1
def delete_global():
    global x
    del x
delete_global()
print('x' in globals())
def local_del():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(local_del())
def rebind():
    z = 1
    del z
    z = 2
    return z
print(rebind())
def loop_var():
    for i in range(3):
        pass
    return i
print(loop_var())
def never_loop():
    for j in []:
        pass
    try:
        return j
    except UnboundLocalError as e:
        return type(e).__name__
print(never_loop())
try:
    exc_name = None
    try:
        raise ValueError
    except ValueError as exc_name:
        pass
    print(exc_name)
except NameError as e:
    print("NameError:", e)
