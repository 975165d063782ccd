# A log-processing pipeline of generators: parse -> filter -> window -> aggregate; laziness is observable.
import itertools
LOG = """\
2024-01-01 10:00:01 INFO  start service=api
2024-01-01 10:00:02 WARN  slow request ms=850
2024-01-01 10:00:03 ERROR failed request code=500
bad line without structure
2024-01-01 10:00:05 INFO  request ms=120
2024-01-01 10:00:07 ERROR failed request code=503
2024-01-01 10:00:08 INFO  request ms=95
"""
pulled = []
def lines(text):
    for line in text.splitlines():
        pulled.append(line[:19])
        yield line
def parse(it):
    for line in it:
        parts = line.split(maxsplit=3)
        if len(parts) < 4 or parts[2] not in {"INFO", "WARN", "ERROR"}:
            continue
        date, time, level, msg = parts
        fields = dict(kv.split("=", 1) for kv in msg.split() if "=" in kv)
        yield {"t": time, "level": level, "msg": msg, **fields}
records = parse(lines(LOG))
first_error = next(r for r in records if r["level"] == "ERROR")
print("first error:", first_error, "| lines pulled so far:", len(pulled))
rest = list(records)
print("remaining records:", len(rest), "| total pulled:", len(pulled))
all_records = list(parse(lines(LOG)))
by_level = {k: len(list(g)) for k, g in itertools.groupby(sorted(all_records, key=lambda r: r["level"]), key=lambda r: r["level"])}
print("by level:", by_level)
durations = [int(r["ms"]) for r in all_records if "ms" in r]
print("durations:", durations, "max:", max(durations), "running avg:", [round(s / (i + 1), 1) for i, s in enumerate(itertools.accumulate(durations))])
print("pairs of consecutive levels:", [(a["level"], b["level"]) for a, b in itertools.pairwise(all_records)][:3])
codes = (int(r["code"]) for r in all_records if "code" in r)
print("error codes:", sorted(codes), "| generator now empty:", list(codes))
