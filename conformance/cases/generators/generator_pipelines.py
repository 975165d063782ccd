# Chained generators processing a stream lazily.
def numbers():
    for i in range(1, 11):
        print("produce", i)
        yield i
def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x
def squares(xs):
    for x in xs:
        yield x * x
def take(n, xs):
    for i, x in enumerate(xs):
        if i >= n:
            return
        yield x
print(list(take(2, squares(evens(numbers())))))
def windows(xs, n):
    buf = []
    for x in xs:
        buf.append(x)
        if len(buf) == n:
            yield tuple(buf)
            buf.pop(0)
print(list(windows(range(6), 3)))
def chunked(xs, n):
    chunk = []
    for x in xs:
        chunk.append(x)
        if len(chunk) == n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
print(list(chunked("abcdefg", 3)))
