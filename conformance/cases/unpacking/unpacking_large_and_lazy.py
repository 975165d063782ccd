# Unpacking long iterables, starred capture of large middles, and generators consumed exactly.
first, *mid, last = range(100000)
print(first, len(mid), last, mid[:3], type(mid).__name__)
consumed = []
def produce(n):
    for i in range(n):
        consumed.append(i)
        yield i
a, b, c = produce(3)
print(consumed)
consumed.clear()
try:
    a, b = produce(5)
except ValueError as e:
    print("ValueError:", e, "consumed:", consumed)
consumed.clear()
head, *tail = produce(4)
print(head, tail, consumed)
