# Comprehensions inside functions, methods, lambdas and default arguments.
def squares(n):
    return [i * i for i in range(n)]
class Grid:
    def __init__(self, w, h):
        self.cells = [[(x, y) for x in range(w)] for y in range(h)]
    def column(self, x):
        return [row[x] for row in self.cells]
g = Grid(3, 2)
print(squares(4), g.column(1))
f = lambda n: {i: [j for j in range(i)] for i in range(n)}
print(f(3))
def with_default(xs=[i * 2 for i in range(3)]):
    return xs
print(with_default())
def uses_closure(k):
    return [(lambda v: v * k)(i) for i in range(3)]
print(uses_closure(10))
def generator_of_lists(n):
    return ([j for j in range(i)] for i in range(n))
print(list(generator_of_lists(4)))
def nested_func_in_comp():
    return [(lambda: i)() for i in range(3)]
print(nested_func_in_comp())
