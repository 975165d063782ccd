# An uncaught OverflowError from math.exp ends the program (exit 1).
import math
print("exp(700) finite:", math.exp(700) < math.inf)
print("2.0**1023:", 2.0 ** 1023)
print("now overflowing")
print(math.exp(1000.0))
