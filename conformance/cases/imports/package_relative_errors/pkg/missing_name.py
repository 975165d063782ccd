from .sibling import NOT_THERE
