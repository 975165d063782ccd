# Method calls, attribute loads/stores, list appends.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx):
        return Point(self.x + dx, self.y)

pts = []
p = Point(0, 0)
for i in range(100000):
    p = p.moved(1)
    if i % 1000 == 0:
        pts.append(p)
print(p.x, len(pts))
