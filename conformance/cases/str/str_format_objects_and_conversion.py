# str.format / f-strings with objects defining __format__/__str__/__repr__, datetime and Decimal specs.
import datetime
from decimal import Decimal
from fractions import Fraction
d = datetime.date(2024, 2, 29)
t = datetime.datetime(2024, 2, 29, 13, 5, 9)
print(f"{d}", f"{d:%Y/%m/%d}", f"{t:%H:%M:%S}", "{:%A %d %B}".format(d), f"{d!r}")
print(f"{Decimal('1.2345'):.2f}", f"{Decimal('1234567.891'):,.1f}", f"{Decimal('-0'):+}", f"{Decimal('1e3'):f}")
print(f"{Fraction(1, 3)}", f"{Fraction(1, 3)!r}", format(float(Fraction(1, 3)), ".3f"))
class Temp:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        if spec.endswith("F"):
            return format(self.c * 9 / 5 + 32, spec[:-1] or "") + "°F"
        return format(self.c, spec) + "°C"
    def __str__(self):
        return "Temp(str)"
    def __repr__(self):
        return "Temp(repr)"
t1 = Temp(21.5)
print(f"{t1}", f"{t1:.0f}", f"{t1:.1F}", f"{t1!s}", f"{t1!r}", "{0} {0!r} {0:F}".format(t1))
print("format() builtin:", format(t1, ">8"), format(t1))
print("nested fields with objects:", "{0.c:{1}}".format(t1, ".2f"))
print("%-format uses str/repr:", "%s %r" % (t1, t1))
print("timedelta str:", str(datetime.timedelta(days=1, seconds=3661)), str(datetime.timedelta(microseconds=-1)))
