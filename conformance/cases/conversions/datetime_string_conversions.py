# datetime to/from strings: isoformat, fromisoformat, strftime/strptime, timestamps in UTC.
from datetime import datetime, date, time, timedelta, timezone
dt = datetime(2023, 3, 5, 7, 8, 9, 123456)
print("isoformat:", dt.isoformat(), dt.isoformat(sep=" ", timespec="seconds"), date(2020, 1, 2).isoformat(), time(1, 2).isoformat())
print("str():", str(dt), str(dt.date()), str(dt.time()))
print("fromisoformat:", datetime.fromisoformat("2023-03-05T07:08:09"), date.fromisoformat("2020-02-29"), time.fromisoformat("12:30"))
print("3.11 fromisoformat accepts Z:", datetime.fromisoformat("2023-03-05T07:08:09Z"))
print("strftime:", dt.strftime("%Y-%m-%d %H:%M:%S.%f"), dt.strftime("%j %U %w %y %%"), dt.strftime("%I %p"))
print("strptime:", datetime.strptime("05/03/2023 07:08", "%d/%m/%Y %H:%M"), datetime.strptime("2023-064", "%Y-%j").date())
try:
    datetime.strptime("2023-13-01", "%Y-%m-%d")
except ValueError as e:
    print("bad month:", e)
try:
    date.fromisoformat("2023-02-30")
except ValueError as e:
    print("bad day:", e)
utc = datetime(2000, 1, 1, tzinfo=timezone.utc)
print("timestamp:", utc.timestamp(), datetime.fromtimestamp(86400, tz=timezone.utc))
print("aware isoformat:", utc.isoformat(), datetime(2000, 1, 1, tzinfo=timezone(timedelta(hours=-5, minutes=-30))).isoformat())
print("timedelta str/total:", str(timedelta(hours=25, seconds=1)), timedelta(days=1, milliseconds=5).total_seconds(), repr(timedelta(seconds=-1)))
print("date arithmetic:", date(2024, 2, 28) + timedelta(days=1), date(2024, 3, 1) - date(2023, 3, 1), date(2024, 1, 1).isocalendar())
