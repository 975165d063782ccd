print("pkg/__init__ runs")
helper_value = 1
from . import sub_a
__all__ = ["sub_a", "helper_value"]
