class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name

    def describe(self):
        return self.name + " with " + str(self.sides) + " sides"

    def __repr__(self):
        return "Shape(" + repr(self.name) + ")"


class Square(Shape):
    sides = 4

    def __init__(self, size):
        Shape.__init__(self, "square")
        self.size = size

    def area(self):
        return self.size * self.size

    def __eq__(self, other):
        return isinstance(other, Square) and other.size == self.size

    def __add__(self, other):
        return Square(self.size + other.size)

    def __len__(self):
        return self.sides


class Vec:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        return iter(self.items)

    def __getitem__(self, i):
        return self.items[i]


sq = Square(3)
print(sq.describe(), sq.area(), sq, [sq], Shape("tri").describe())
print(sq == Square(3), sq == Square(4), (sq + Square(2)).area(), len(sq))
print(isinstance(sq, Shape), isinstance(sq, Square), isinstance(3, Shape), type(sq).__name__)
print(list(Vec([1, 2, 3])), Vec([4, 5])[1], getattr(sq, "size"), hasattr(sq, "nope"))
sq.color = "red"
print(sq.color, getattr(sq, "missing", "default"))
try:
    sq.missing
except AttributeError as e:
    print(e)


class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B" + A.who(self)


class C(A):
    def who(self):
        return "C"


class D(B, C):
    pass


print(D().who(), [k.__name__ for k in D.__mro__])
