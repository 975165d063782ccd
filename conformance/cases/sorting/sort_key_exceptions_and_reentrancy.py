# A key function that raises, sorts inside keys, and comparisons that raise mid-sort.
class Flaky:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        if self.v == 3 or other.v == 3:
            raise ArithmeticError("cannot compare 3")
        return self.v < other.v
    def __repr__(self):
        return f"F{self.v}"
items = [Flaky(v) for v in [5, 1, 4, 2]]
print(sorted(items))
items.append(Flaky(3))
try:
    sorted(items)
except ArithmeticError as e:
    print("ArithmeticError:", e)
print("original list intact:", items)
def nested_key(x):
    return sorted(x)
print(sorted([[3, 1], [2, 2], [1, 5]], key=nested_key))
print(sorted(["bb", "a", "ccc"], key=lambda s: sorted(s, reverse=True)))
calls = 0
def counting_key(x):
    global calls
    calls += 1
    return x
sorted(range(100), key=counting_key)
print("key called once per element:", calls)
