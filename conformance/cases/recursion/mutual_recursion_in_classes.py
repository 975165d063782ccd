# Recursive methods, properties calling methods, and recursion across instances.
class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)
    def total(self):
        return self.value + sum(c.total() for c in self.children)
    def depth(self):
        return 1 + max((c.depth() for c in self.children), default=0)
    @property
    def size(self):
        return 1 + sum(c.size for c in self.children)
def chain(n):
    node = Node(n)
    for i in range(n - 1, 0, -1):
        node = Node(i, [node])
    return node
t = Node(1, [Node(2, [Node(4)]), Node(3)])
print(t.total(), t.depth(), t.size)
deep = chain(300)
print(deep.total(), deep.depth(), deep.size)
too_deep = chain(5000)
try:
    too_deep.depth()
except RecursionError:
    print("recursive method over a 5000-long chain: RecursionError")
def iterative_depth(node):
    d = 0
    stack = [(node, 1)]
    while stack:
        n, level = stack.pop()
        d = max(d, level)
        stack.extend((c, level + 1) for c in n.children)
    return d
print(iterative_depth(too_deep))
