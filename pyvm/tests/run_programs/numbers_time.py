import time
print(time.get_clock_info('time'), time.get_clock_info('monotonic'))
print(repr(time.gmtime(0)))
print(time.asctime(time.gmtime(0)))
for f, a in [(time.sleep, (-1,)), (time.gmtime, ('x',)), (time.sleep, ('x',))]:
    try:
        f(*a)
    except Exception as e:
        print(type(e).__name__, e)
print(time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)))
t = time.gmtime(86400 * 365.25 * 30)
print(t.tm_year, t[0], len(t), tuple(t), t.tm_zone, t.tm_gmtoff, time.mktime(time.localtime(1000000)) - time.timezone in (1000000.0, 1003600.0, 996400.0))
print(time.strftime('%Y-%m-%d %H:%M:%S %a %b %j', time.gmtime(1234567890)))
a = time.perf_counter(); time.sleep(0.01); b = time.perf_counter()
print(b - a >= 0.01, time.time() > 1e9, type(time.time_ns()).__name__, time.monotonic_ns() > 0, time.process_time() >= 0)
print(time.gmtime(1e9) == time.gmtime(1e9), time.localtime().tm_year >= 2024)
