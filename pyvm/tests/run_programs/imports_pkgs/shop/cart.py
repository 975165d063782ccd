from .pricing import price as p
from ..shop import pricing
def total(items):
    return sum(p(i) for i in items)
