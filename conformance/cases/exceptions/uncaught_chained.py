# An uncaught chained exception: the last stderr line is the final exception.
import sys
print("start")
sys.stdout.flush()
try:
    {}["missing"]
except KeyError as e:
    raise RuntimeError("lookup failed") from e
