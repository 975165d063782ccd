# Class bodies execute top to bottom once; names defined there become attributes.
order = []
class Recorder:
    order.append("class body starts")
    a = 1
    b = a + 1
    def method(self):
        return "method"
    order.append("class body ends")
    del a
print(order, hasattr(Recorder, "a"), Recorder.b)
def decorate(cls):
    order.append("decorator runs after body")
    return cls
@decorate
class Decorated:
    order.append("decorated body")
print(order[-2:])
class Conditional:
    if True:
        chosen = "first"
    else:
        chosen = "second"
    for _i in range(3):
        pass
    last = _i
print(Conditional.chosen, Conditional.last, "_i" in vars(Conditional))
class Shadow:
    print = lambda *a: "class-level print shadow"
    result = print("x")
print(Shadow.result)
