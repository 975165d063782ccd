print("shop init", __name__, __package__)
from .pricing import price
from . import cart
TAX = 10
