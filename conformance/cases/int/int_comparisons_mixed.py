# int comparisons with floats, bools, big ints and other types.
print("int/float exact:", 2**53 + 1 == float(2**53 + 1), 2**53 + 1 > float(2**53), 2**53 == float(2**53))
print("huge int vs inf:", 10**400 < float("inf"), -10**400 > float("-inf"), 10**400 > 1e308)
nan = float("nan")
print("vs nan:", 1 < nan, 1 > nan, 1 == nan, 1 != nan)
print("bool is int:", True == 1, False == 0, True + True, True * 10, -True)
print("int vs str eq:", 1 == "1", 1 != "1")
try:
    1 < "2"
except TypeError as e:
    print("int < str:", e)
try:
    None > 0
except TypeError as e:
    print("None > int:", e)
print("chained big:", -10**20 < -1 < 0 < 1 < 10**20)
print("min/max mixed:", min(3, 2.5, True), max(2**64, 1e19), max(1, 1.0), min(1.0, 1))
print("sorted mixed numbers:", sorted([3, 1.5, -2, True, 10**20, 0.0]))
print("int == complex:", 1 == 1 + 0j, 1 == 1 + 1j)
from fractions import Fraction
from decimal import Decimal
print("int vs Fraction/Decimal:", 1 == Fraction(2, 2), 3 < Fraction(7, 2), 2 == Decimal("2.0"), 1 < Decimal("1.1"))
print("float precision edge:", 9007199254740993 == 9007199254740992.0, 9007199254740993 > 9007199254740992.0)
print("identity of equal small ints not tested; equality:", int("1000") == 1000)
print("negative zero:", 0 == -0, 0 == -0.0)
