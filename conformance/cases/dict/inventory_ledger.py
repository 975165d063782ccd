# A small inventory program using dicts: stock updates, validation errors, reports sorted by several keys.
inventory = {}
log = []
def receive(sku, qty, price):
    item = inventory.setdefault(sku, {"qty": 0, "price": price})
    item["qty"] += qty
    item["price"] = price
    log.append(("in", sku, qty))
def ship(sku, qty):
    if sku not in inventory:
        raise KeyError(f"unknown sku {sku!r}")
    if inventory[sku]["qty"] < qty:
        raise ValueError(f"insufficient stock for {sku}: have {inventory[sku]['qty']}, need {qty}")
    inventory[sku]["qty"] -= qty
    log.append(("out", sku, qty))
receive("A-1", 10, 2.5)
receive("B-7", 3, 10.0)
receive("A-1", 5, 2.75)
ship("A-1", 12)
for action in (lambda: ship("C-0", 1), lambda: ship("B-7", 4)):
    try:
        action()
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e.args[0])
receive("C-3", 0, 1.0)
print("inventory:", inventory)
value = {sku: round(i["qty"] * i["price"], 2) for sku, i in inventory.items()}
print("value by sku:", value, "total:", sum(value.values()))
print("out of stock:", [s for s, i in inventory.items() if i["qty"] == 0])
print("by value desc:", sorted(value, key=value.get, reverse=True))
moves = {}
for kind, sku, qty in log:
    moves.setdefault(sku, {}).setdefault(kind, 0)
    moves[sku][kind] += qty
print("movement summary:", moves)
