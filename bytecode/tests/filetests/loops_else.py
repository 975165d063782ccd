def search(items, goal):
    i = 0
    while i < len(items):
        if items[i] == goal:
            break
        i += 1
    else:
        return None
    for a, (b, *c) in items:
        continue
    else:
        pass
    return i
