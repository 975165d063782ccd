from ..core.engine import describe
from .. import VERSION as V
def render():
    return f"view of [{describe()}] v{V}"
