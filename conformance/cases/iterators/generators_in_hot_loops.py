# Many short-lived generators and iterator protocol calls inside loops, including exceptions thrown mid-stream.
def squares(n):
    for i in range(n):
        yield i * i
total = 0
for n in range(200):
    total += sum(squares(n % 7))
print("sum of many small generators:", total)
def faulty(n):
    for i in range(n):
        if i == 3:
            raise ValueError(f"bad at {i}")
        yield i
caught = 0
collected = []
for n in range(6):
    try:
        collected.append(list(faulty(n)))
    except ValueError as e:
        caught += 1
        last = str(e)
print("collected:", collected, "caught:", caught, last)
def counter():
    i = 0
    while True:
        received = yield i
        i = i + 1 if received is None else received
c = counter()
next(c)
seq = [c.send(None) if k % 3 else c.send(k * 10) for k in range(9)]
print("send in a loop:", seq)
gens = [squares(4) for _ in range(3)]
print("round-robin next():", [next(g) for _ in range(4) for g in gens])
nested = sum(x for g in (squares(k) for k in range(6)) for x in g)
print("nested generator expressions:", nested)
