# Mutating captured containers versus rebinding captured names.
def acc():
    items = []
    def add(x):
        items.append(x)
        return items
    return add
add = acc()
add(1)
print(add(2))
def rebind_attempt():
    v = 1
    def inner():
        try:
            v += 1
        except UnboundLocalError as e:
            return "UnboundLocalError: " + str(e)
    return inner()
print(rebind_attempt())
def dict_state():
    state = {'n': 0}
    def step():
        state['n'] += 1
        return state['n']
    return step
s = dict_state()
print(s(), s(), s())
def shared_cell():
    x = 0
    def setter(v):
        nonlocal x
        x = v
    def getter():
        return x
    return setter, getter
st, gt = shared_cell()
st("new")
print(gt(), st.__closure__[0] is gt.__closure__[0])
