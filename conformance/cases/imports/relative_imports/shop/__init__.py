from . import cart
from .cart import total as cart_total
