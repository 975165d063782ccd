# Sorting data with missing values by mapping them to sentinel keys.
import math
values = [3.5, None, -1.0, None, 2.0, float("inf"), 0.0]
print(sorted(values, key=lambda v: (v is None, v if v is not None else 0)))
print(sorted(values, key=lambda v: -math.inf if v is None else v))
print(sorted(values, key=lambda v: (v is not None, v or 0), reverse=True))
names = ["bob", None, "Al", "", None, "cy"]
print(sorted(names, key=lambda s: (s is None, (s or "").lower())))
print([v for v in sorted(values, key=lambda v: (v is None, v or 0)) if v is not None][::-1])
