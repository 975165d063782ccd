# Precedence and associativity of Python's operators.
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(-2 ** 2, (-2) ** 2, 2 ** -1, -2 ** -2)
print(not True == False, (not True) == False)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2, 1 == 1.0 == True)
print(5 - 3 - 1, 100 / 10 / 5, 2 * 3 % 4, 7 // 2 * 2)
print(1 | 2 ^ 3 & 4, (1 | 2) ^ (3 & 4), 1 << 2 + 1, ~5 + 1)
print(True or False and False, (True or False) and False)
print(None or 0 or '' or [] or 'last', 1 and 2 and 3, 1 and 0 and 3)
print(3 if 1 > 2 else 4 if 2 > 3 else 5)
print([1, 2] + [3] * 2, 'ab' * 2 + 'c')
print(-(-3), +-3, -~3, ~-3, not not 0)
print(2 in [1, 2] == True, (2 in [1, 2]) == True)
one = 1
print(one is not None, 'x' not in 'abc')
f = lambda x: x + 1 if x else 0
print(f(1), f(0))
