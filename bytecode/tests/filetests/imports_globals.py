import a.b.c
import a.b as ab
from . import sibling
from ..pkg import name as alias, other
def f():
    global counter
    counter += 1
    del alias
