from ..cart import total
from .. import pricing
def charge(amount):
    return f"charged {total([amount])} (tax {pricing.TAX})"
