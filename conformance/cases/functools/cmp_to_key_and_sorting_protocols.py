# cmp_to_key adapts old-style comparison functions; the comparison result's sign is what matters.
from functools import cmp_to_key
import locale
def by_last_char(a, b):
    return (a[-1] > b[-1]) - (a[-1] < b[-1])
words = ["apple", "kiwi", "banana", "fig", "cherry"]
print("by last char (stable):", sorted(words, key=cmp_to_key(by_last_char)))
def big_numbers(a, b):
    return 10**30 if a > b else -(10**30) if a < b else 0
print("large cmp results:", sorted([3, 1, 2], key=cmp_to_key(big_numbers)))
def float_cmp(a, b):
    return (a - b) * 0.5
print("float cmp results:", sorted([3, 1, 2], key=cmp_to_key(float_cmp)))
def concat_order(a, b):
    return (a + b > b + a) - (a + b < b + a)
print("largest concatenation:", "".join(sorted(["3", "30", "34", "5", "9"], key=cmp_to_key(concat_order), reverse=True)))
print("strcoll in the C locale behaves like code point compare:", sorted(["b", "A", "a"], key=cmp_to_key(locale.strcoll)))
K = cmp_to_key(lambda a, b: a - b)
k1, k2 = K(1), K(2)
print("key wrapper comparisons:", k1 < k2, k1 <= k2, k1 == K(1), k1 != k2, k2 > k1, k2 >= k2, k1.obj)
def bad_cmp(a, b):
    return "not a number"
try:
    sorted([1, 2], key=cmp_to_key(bad_cmp))
except TypeError as e:
    print("non-numeric cmp result:", type(e).__name__)
