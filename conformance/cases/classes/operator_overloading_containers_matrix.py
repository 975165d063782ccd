# A small matrix type exercising __matmul__, __getitem__ with tuples, __eq__, __repr__, __neg__, __rmul__, __iter__.
class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
    @property
    def shape(self):
        return len(self.rows), len(self.rows[0]) if self.rows else 0
    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]
    def __setitem__(self, ij, v):
        i, j = ij
        self.rows[i][j] = v
    def __matmul__(self, other):
        if not isinstance(other, Matrix):
            return NotImplemented
        n, m = self.shape
        m2, p = other.shape
        if m != m2:
            raise ValueError(f"shape mismatch {self.shape} @ {other.shape}")
        return Matrix([[sum(self[i, k] * other[k, j] for k in range(m)) for j in range(p)] for i in range(n)])
    def __mul__(self, k):
        return Matrix([[k * x for x in r] for r in self.rows]) if isinstance(k, (int, float)) else NotImplemented
    __rmul__ = __mul__
    def __neg__(self):
        return -1 * self
    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows
    def __iter__(self):
        return iter(self.rows)
    def __repr__(self):
        return f"Matrix({self.rows})"
I = Matrix([[1, 0], [0, 1]])
A = Matrix([[1, 2], [3, 4]])
print("A @ I == A:", A @ I == A, "A @ A:", A @ A)
print("scalar both sides:", 2 * A, A * 0.5, -A)
A[0, 1] = 5
print("setitem with tuple:", A, A[0, 1])
try:
    A @ Matrix([[1, 2, 3]])
except ValueError as e:
    print("mismatch:", e)
try:
    A @ 3
except TypeError as e:
    print("matmul int:", e)
print("iteration and unpacking:", [sum(r) for r in A], list(zip(*A)))
print("equality with list:", A == [[1, 5], [3, 4]], A != Matrix([[0]]))
