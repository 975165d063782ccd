# Chained comparisons evaluate each operand once and short-circuit.
log = []
def v(x):
    log.append(x)
    return x
print(v(1) < v(2) < v(3), log)
log.clear()
print(v(3) < v(2) < v(1), log)
log.clear()
print(v(1) == v(1) != v(2) is not None, log)
print(1 < 2 > 0 <= 0 >= 0 != 1)
print('a' < 'b' < 'c', [1] < [1, 0] < [2], (1, 2) <= (1, 2))
x = 5
print(0 < x < 10, 0 < x < 3, not 0 < x < 3)
print(1 in [1] in [[1]], 2 in [1] in [[1]])
try:
    print(1 < 'a')
except TypeError as e:
    print("TypeError:", e)
try:
    print([] < ())
except TypeError as e:
    print("TypeError:", e)
