"""Markdown tables for the harness's measurements.

A measurement *cell* is a dict.  A benchmark cell has ``ok`` and either
``error`` or ``first`` (seconds of the first timed run, per loop), ``median``
(steady-state seconds per loop), ``calls`` (loops run in total), ``wall``
and ``cpu`` (whole-process wall and CPU seconds) and ``max_rss_kib``.  A
start-up cell has ``ok`` and either ``error`` or ``median`` (wall seconds for
``-c pass``), ``cpu`` and ``max_rss_kib``.
"""

import math


def format_time(seconds):
    """``12.3 ms`` style, three significant digits."""
    if seconds is None:
        return "-"
    for scale, unit in ((1.0, "s"), (1e-3, "ms"), (1e-6, "us")):
        if seconds >= scale:
            return "%s %s" % (_three_digits(seconds / scale), unit)
    return "%s ns" % _three_digits(seconds * 1e9)


def _three_digits(value):
    if value >= 100:
        return "%.0f" % value
    if value >= 10:
        return "%.1f" % value
    return "%.2f" % value


def format_rss(kib):
    """Peak RSS in MiB."""
    if kib is None:
        return "-"
    return "%.1f MiB" % (kib / 1024.0)


def format_ratio(ratio):
    """Time ratio to the baseline; below 1 is faster."""
    if ratio is None:
        return "-"
    return "%.2fx" % ratio


def escape_cell(text):
    """Make ``text`` safe inside one markdown table cell."""
    return " ".join(str(text).replace("|", "\\|").split())


def fail_cell(error, limit=100):
    """``fails: <first line of the error>``, shortened to ``limit`` chars."""
    text = escape_cell(error)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return "fails: " + text


def _median(values):
    ordered = sorted(values)
    half = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[half]
    return (ordered[half - 1] + ordered[half]) / 2.0


def relative_mad(values):
    """Median absolute deviation of ``values`` over their median, or None."""
    if not values:
        return None
    center = _median(values)
    if center <= 0:
        return None
    return _median([abs(v - center) for v in values]) / center


def format_steady(cell):
    """Steady median with its spread: ``61.4 ms ±1%`` (relative MAD)."""
    text = format_time(cell["median"])
    spread = relative_mad(cell.get("values") or [])
    if spread is not None:
        text += " ±%.0f%%" % (spread * 100)
    return text


def ratio_to(cell, baseline):
    """Steady-state time of ``cell`` over that of ``baseline``, or None."""
    if not cell or not baseline or not cell.get("ok") or not baseline.get("ok"):
        return None
    if not baseline.get("median"):
        return None
    return cell["median"] / baseline["median"]


def markdown_table(header, rows):
    """A markdown table; the first column left-aligned, the others right."""
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join([":---"] + ["---:"] * (len(header) - 1)) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def benchmark_table(cells, labels, baseline):
    """The table for one benchmark: one row per interpreter.

    ``cells`` maps interpreter label to cell; ``baseline`` is the label the
    ratio column divides by.
    """
    header = ["interpreter", "first iteration", "steady median ±MAD",
              "ratio to %s" % baseline, "calls", "process wall", "process CPU",
              "peak RSS"]
    rows = []
    base = cells.get(baseline)
    for label in labels:
        cell = cells.get(label)
        if cell is None:
            continue
        if not cell.get("ok"):
            rows.append([escape_cell(label), fail_cell(cell.get("error", "?"))]
                        + [""] * (len(header) - 2))
            continue
        rows.append([
            escape_cell(label),
            format_time(cell["first"]),
            format_steady(cell),
            format_ratio(ratio_to(cell, base)),
            str(cell.get("calls", "-")),
            format_time(cell["wall"]),
            format_time(cell.get("cpu")),
            format_rss(cell.get("max_rss_kib")),
        ])
    return markdown_table(header, rows)


def warmup_lines(cells, labels, limit=12):
    """Every timed run per interpreter in order, so warm-up shows.

    Calibration and warm-up runs come before the ``|``; the measured values
    after it.  Each figure is seconds per loop in the run.
    """
    lines = []
    for label in labels:
        cell = cells.get(label)
        if not cell or not cell.get("ok") or not cell.get("runs"):
            continue
        before = [format_time(run["seconds"]) for run in cell["runs"]
                  if run["phase"] != "value"]
        after = [format_time(run["seconds"]) for run in cell["runs"]
                 if run["phase"] == "value"]
        if len(before) > limit:
            before = before[: limit // 2] + ["..."] + before[-(limit // 2):]
        if len(after) > limit:
            after = after[: limit // 2] + ["..."] + after[-(limit // 2):]
        lines.append("- %s runs: %s | %s" % (escape_cell(label),
                                              ", ".join(before),
                                              ", ".join(after)))
    return "\n".join(lines)


def startup_table(cells, labels, baseline, runs):
    """Start-up (``-c pass``) table: median wall time and peak RSS."""
    header = ["interpreter", "start-up wall (median of %d)" % runs,
              "ratio to %s" % baseline, "CPU (median)", "peak RSS"]
    rows = []
    base = cells.get(baseline)
    for label in labels:
        cell = cells.get(label)
        if cell is None:
            continue
        if not cell.get("ok"):
            rows.append([escape_cell(label), fail_cell(cell.get("error", "?")),
                         "", "", ""])
            continue
        rows.append([escape_cell(label), format_time(cell["median"]),
                     format_ratio(ratio_to(cell, base)),
                     format_time(cell.get("cpu")),
                     format_rss(cell.get("max_rss_kib"))])
    return markdown_table(header, rows)


def geometric_mean(values):
    """Geometric mean of positive numbers, or None for none."""
    values = [v for v in values if v is not None and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def summary_table(results, benchmarks, labels, baseline):
    """Benchmarks down, interpreters across: steady median and ratio."""
    header = ["benchmark"] + [escape_cell(label) for label in labels]
    rows = []
    ratios = {label: [] for label in labels}
    for name in benchmarks:
        cells = results.get(name, {})
        base = cells.get(baseline)
        row = [name]
        for label in labels:
            cell = cells.get(label)
            if cell is None:
                row.append("-")
            elif not cell.get("ok"):
                row.append("fails")
            else:
                ratio = ratio_to(cell, base)
                ratios[label].append(ratio)
                text = format_time(cell["median"])
                if ratio is not None and label != baseline:
                    text += " (%s)" % format_ratio(ratio)
                row.append(text)
        rows.append(row)
    geo = ["geometric mean of ratios"]
    for label in labels:
        geo.append(format_ratio(geometric_mean(ratios[label])))
    rows.append(geo)
    return markdown_table(header, rows)


def check_table(verdicts, benchmarks, labels):
    """``--check`` results: ``verdicts[name][label]`` is a short string."""
    header = ["benchmark"] + [escape_cell(label) for label in labels]
    rows = []
    for name in benchmarks:
        row = [name]
        for label in labels:
            row.append(escape_cell(verdicts.get(name, {}).get(label, "-")))
        rows.append(row)
    return markdown_table(header, rows)
