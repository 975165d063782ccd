data = list(range(10))
text = "héllo wörld"
print(data[2:5], data[:3], data[7:], data[::3], data[::-1], data[-3:], data[5:2], data[1:8:2])
print((1, 2, 3, 4)[1:3], text[1:5], text[::-1], text[-5:], "abc"[10:], "abc"[:-1])


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, kind, value, tb):
        print("exit", self.name, kind.__name__ if kind else None, value)
        return kind is KeyError


with Resource("a") as r:
    print("body", r.name)

with Resource("b"):
    raise KeyError("suppressed")
print("after b")

try:
    with Resource("c"):
        raise ValueError("propagates")
except ValueError as e:
    print("caught", e)
