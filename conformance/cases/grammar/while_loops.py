# while loops: counters, break/continue, else clauses, and nested loops with flags.
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
i = 0
out = []
while i < 10:
    i += 1
    if i % 3 == 0:
        continue
    if i > 8:
        break
    out.append(i)
else:
    out.append("else")
print(out)
def find(matrix, target):
    r = 0
    while r < len(matrix):
        c = 0
        while c < len(matrix[r]):
            if matrix[r][c] == target:
                return r, c
            c += 1
        r += 1
    return None
print(find([[1, 2], [3, 4]], 4), find([[1]], 9))
x = 5
while x:
    x -= 1
else:
    print("else after natural end, x =", x)
count = 0
while True:
    count += 1
    if count == 1000:
        break
print(count)
