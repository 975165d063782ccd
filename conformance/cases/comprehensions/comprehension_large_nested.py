# Nested comprehensions building a multiplication table and a transposition, checked by sums.
n = 12
table = [[i * j for j in range(1, n + 1)] for i in range(1, n + 1)]
print(table[2][:5], table[-1][-1], sum(map(sum, table)))
transposed = [[row[c] for row in table] for c in range(n)]
print(transposed == table, sum(transposed[0]))
flat = [v for row in table for v in row if v % 7 == 0]
print(len(flat), flat[:6])
pos = {(i, j): table[i][j] for i in range(n) for j in range(n) if i == j}
print(sum(pos.values()), min(pos), max(pos))
squares = {v for row in table for v in row if int(v ** 0.5) ** 2 == v}
print(sorted(squares)[:8], len(squares))
