import math
from math import sqrt, pi
print(math.sqrt(2), sqrt(16.0), pi, math.e)
import math as m2
print(m2 is math)
try:
    import nosuch
except ImportError as e:
    print(type(e).__name__, str(e)[:39])
try:
    from math import nope
except ImportError as e:
    print(type(e).__name__, str(e)[:39])
try:
    math.sqrt(-1)
except ValueError as e:
    print(e)
try:
    math.sqrt("x")
except TypeError as e:
    print(e)
