from . import not_a_module
