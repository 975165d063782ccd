# dict comprehensions, ** unpacking in literals and calls, key evaluation order.
squares = {n: n * n for n in range(5)}
print("comprehension:", squares)
print("filtered:", {k: v for k, v in squares.items() if v % 2 == 0})
print("swap:", {v: k for k, v in {"a": 1, "b": 2}.items()})
print("duplicate keys last wins:", {x % 3: x for x in range(7)})
base = {"a": 1, "b": 2}
print("** merge:", {**base, "b": 20, **{"c": 3}})
print("** order:", list({"z": 0, **base, "a": 9}))
order = []
def k(x):
    order.append(("key", x))
    return x
def v(x):
    order.append(("val", x))
    return x
{k(1): v("one"), k(2): v("two")}
print("literal evaluation order:", order)
order.clear()
{k(i): v(i) for i in range(2)}
print("comprehension evaluation order:", order)
def f(**kw):
    return kw
print("call with **:", f(**base, c=3))
try:
    f(**base, a=5)
except TypeError as e:
    print("duplicate kw:", e)
try:
    {**[1]}
except TypeError as e:
    print("** non-mapping:", e)
nested = {k: {kk: kk * k for kk in range(2)} for k in range(1, 3)}
print("nested:", nested)
