# Errors raised by augmented assignment and what state is left behind.
x = [1, 2]
try:
    x += 5
except TypeError as e:
    print("TypeError:", e, x)
t = (1,)
try:
    t += [2]
except TypeError as e:
    print("TypeError:", e, t)
d = {"a": 1}
try:
    d |= 5
except TypeError as e:
    print("TypeError:", e, d)
s = {1}
try:
    s |= [2]
except TypeError as e:
    print("TypeError:", e, s)
n = 2
try:
    n **= -2 ** 1000
except (OverflowError, ZeroDivisionError) as e:
    print(type(e).__name__, e)
print(n)
try:
    n = 0
    n **= -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e, n)
try:
    undefined_name += 1
except NameError as e:
    print("NameError:", e)
