def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


def evens(limit):
    for x in count_up(limit):
        if x % 2 == 0:
            yield x


def accumulate():
    total = 0
    while True:
        value = yield total
        total += value


print(list(count_up(5)), sum(evens(10)), [x * x for x in evens(7)])
g = count_up(2)
print(next(g), next(g), next(g, "exhausted"), next(g, "again"))
acc = accumulate()
print(next(acc), acc.send(5), acc.send(10), acc.send(-3))
squares = (i * i for i in range(5))
print(list(squares), list(squares))


def failing():
    yield 1
    raise ValueError("inside generator")


try:
    for v in failing():
        print("got", v)
except ValueError as e:
    print("caught", e)

nested = [list(count_up(k)) for k in range(4)]
print(nested)
