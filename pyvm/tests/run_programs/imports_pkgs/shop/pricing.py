def price(n):
    return n * 3
