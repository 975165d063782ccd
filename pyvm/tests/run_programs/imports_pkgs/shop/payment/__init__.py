from .. import TAX
from ...shop.pricing import price
RATE = TAX + price(1)
