# Relative imports inside a package: from . import, from .mod import, from .. import.
import shop
from shop import cart
from shop.payment import card
print(shop.__name__, cart.__name__, card.__name__)
print(cart.total([3, 4]), card.charge(7))
print(card.__package__, cart.__package__, shop.__package__)
print(sorted(k for k in vars(shop) if not k.startswith('__')))
