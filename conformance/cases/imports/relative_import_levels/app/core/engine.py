from .. import VERSION
from ..util import helpers
def describe():
    return f"engine {VERSION} uses {helpers.name()}"
