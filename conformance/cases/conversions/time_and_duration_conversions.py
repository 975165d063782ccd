# Converting durations: seconds <-> h:m:s with divmod, timedelta arithmetic and formatting, rounding of fractional seconds.
from datetime import timedelta
def hms(seconds):
    sign = "-" if seconds < 0 else ""
    m, s = divmod(abs(seconds), 60)
    h, m = divmod(m, 60)
    return f"{sign}{int(h):d}:{int(m):02d}:{s:06.3f}" if isinstance(s, float) else f"{sign}{h}:{m:02d}:{s:02d}"
for v in (0, 59, 61, 3600, 86399, 90061, -3725, 3661.5, 0.0015):
    print(f"{v!r:>8} -> {hms(v)}")
td = timedelta(hours=26, minutes=3, seconds=4.5)
print("timedelta:", td, td.days, td.seconds, td.microseconds, td.total_seconds())
print("negative timedelta normalised:", timedelta(seconds=-1), timedelta(days=-1, seconds=86399) == timedelta(seconds=-1))
print("timedelta arithmetic:", td * 2, td / 4, td // timedelta(hours=1), td % timedelta(hours=1), -td)
print("microsecond rounding:", timedelta(microseconds=0.5), timedelta(microseconds=1.5), timedelta(seconds=1e-7))
print("timedelta from float days:", timedelta(days=1.25), timedelta(weeks=0.5))
try:
    timedelta(days=10**9)
except OverflowError as e:
    print("overflow:", e)
