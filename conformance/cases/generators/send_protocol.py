# generator.send: priming, values flowing both ways, and send on an unstarted generator.
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
acc = accumulator()
print(acc.send(None))
print(acc.send(5), acc.send(10), acc.send(-3))
try:
    acc.send(None)
except StopIteration as e:
    print("finished with", e.value)
fresh = accumulator()
try:
    fresh.send(1)
except TypeError as e:
    print("TypeError:", e)
def echo():
    received = []
    while len(received) < 3:
        x = yield len(received)
        received.append(x)
    yield received
e = echo()
next(e)
e.send('a'); e.send('b')
print(e.send('c'))
def running():
    yield gen_ref.gi_running
gen_ref = running()
print(gen_ref.gi_running, next(gen_ref))
