# global declarations: rebinding, creation, and use from nested functions.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def create():
    global created
    created = "made inside"
create()
print(created)
def outer():
    def inner():
        global counter
        counter = 100
    inner()
    return counter
print(outer(), counter)
def reads_then_global():
    global counter
    return counter * 2
print(reads_then_global())
def shadow():
    counter = -1
    def inner():
        global counter
        return counter
    return inner(), counter
print(shadow())
print('created' in globals(), 'nope' in globals())
exec("global_from_exec = 7")
print(global_from_exec)
