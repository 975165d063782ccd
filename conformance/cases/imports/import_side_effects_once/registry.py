LOADS = 1
ITEMS = []
def register(name):
    ITEMS.append(name)
print("registry loaded")
