# Numerical methods in floating point: trapezoid/Simpson integration, Newton's method, bisection; rounded results.
import math
def trapezoid(f, a, b, n):
    h = (b - a) / n
    return h * (f(a) / 2 + sum(f(a + i * h) for i in range(1, n)) + f(b) / 2)
def simpson(f, a, b, n):
    h = (b - a) / n
    s = f(a) + f(b) + sum((4 if i % 2 else 2) * f(a + i * h) for i in range(1, n))
    return s * h / 3
def newton(f, df, x, steps=30):
    for _ in range(steps):
        x = x - f(x) / df(x)
    return x
def bisect(f, lo, hi, tol=1e-12):
    while hi - lo > tol:
        mid = (lo + hi) / 2
        if (f(lo) < 0) == (f(mid) < 0):
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2
print("trapezoid sin 0..pi:", round(trapezoid(math.sin, 0, math.pi, 1000), 6))
print("simpson x^3 0..2 (exact 4):", round(simpson(lambda x: x ** 3, 0, 2, 10), 12))
print("simpson exp 0..1:", round(simpson(math.exp, 0, 1, 100), 10), "exact:", round(math.e - 1, 10))
print("newton sqrt(2):", round(newton(lambda x: x * x - 2, lambda x: 2 * x, 1.0), 15), "==", round(math.sqrt(2), 15))
print("bisection cos(x)=x:", round(bisect(lambda x: math.cos(x) - x, 0, 1), 9))
print("harmonic sum vs log:", round(sum(1 / k for k in range(1, 10001)) - math.log(10000), 6))
print("convergence is monotone:", all(abs(simpson(math.exp, 0, 1, n) - (math.e - 1)) >= abs(simpson(math.exp, 0, 1, 2 * n) - (math.e - 1)) for n in (2, 4, 8, 16)))
