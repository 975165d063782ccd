# Common dict iteration idioms: items unpacking, sorted by key/value, enumerate, zip with another dict, nested loops.
prices = {"pear": 1.5, "apple": 0.5, "fig": 3.0, "kiwi": 0.5}
print("items:", [f"{k}={v}" for k, v in prices.items()])
print("sorted by key:", sorted(prices))
print("sorted by value then key:", sorted(prices, key=lambda k: (prices[k], k)))
print("sorted items by value desc:", sorted(prices.items(), key=lambda kv: -kv[1]))
print("enumerate keys:", list(enumerate(prices, 1)))
stock = {"pear": 3, "fig": 0, "apple": 10}
print("join two dicts on keys:", {k: prices[k] * stock[k] for k in prices.keys() & stock.keys()} == {"pear": 4.5, "fig": 0.0, "apple": 5.0})
print("missing in stock:", sorted(prices.keys() - stock.keys()))
print("min/max by value:", min(prices, key=prices.get), max(prices.items(), key=lambda kv: kv[1]))
print("any/all over values:", any(v > 2 for v in prices.values()), all(v > 0 for v in prices.values()))
print("reversed iteration:", list(reversed(prices.items()))[:2])
nested = {"a": {"x": 1, "y": 2}, "b": {"x": 3}}
print("nested iteration:", [(o, i, v) for o, inner in nested.items() for i, v in inner.items()])
print("invert with collisions (last wins):", {v: k for k, v in prices.items()})
