from .pricing import TAX
def total(items):
    return sum(items) * TAX
