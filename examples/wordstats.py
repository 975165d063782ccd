"""Word statistics of a text file (this program's own source by default).

    pyvm examples/wordstats.py [FILE] [--top N] [--json]

A small real program for pyvm: it reads a file, splits it into words with
`re`, counts them with `collections.Counter`, summarises word lengths with
`statistics`, and prints a table (or JSON).
"""

import collections
import json
import re
import statistics
import sys

WORD = re.compile(r"[A-Za-z_][A-Za-z_']*")


class Report:
    def __init__(self, name, text):
        self.name = name
        self.words = [w.lower() for w in WORD.findall(text)]
        self.lines = text.count("\n") + (not text.endswith("\n") and bool(text))
        self.counts = collections.Counter(self.words)

    def summary(self):
        lengths = [len(w) for w in self.words] or [0]
        return {
            "file": self.name,
            "lines": self.lines,
            "words": len(self.words),
            "distinct": len(self.counts),
            "mean_length": round(statistics.mean(lengths), 2),
            "median_length": statistics.median(lengths),
            "longest": max(self.counts, key=lambda w: (len(w), w), default=""),
        }

    def table(self, top):
        rows = self.counts.most_common(top)
        width = max((len(w) for w, _ in rows), default=4)
        out = [f"{'word':<{width}}  count  share"]
        for word, n in rows:
            out.append(f"{word:<{width}}  {n:5d}  {n / len(self.words):6.1%}")
        return "\n".join(out)


def main(argv):
    top, as_json, path = 10, False, __file__
    args = iter(argv)
    for a in args:
        if a == "--top":
            top = int(next(args, "10"))
        elif a == "--json":
            as_json = True
        else:
            path = a
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        print(f"wordstats: {e.strerror}: {path}", file=sys.stderr)
        return 1
    report = Report(path.rsplit("/", 1)[-1], text)
    if as_json:
        print(json.dumps(report.summary(), indent=2, sort_keys=True))
    else:
        for key, value in report.summary().items():
            print(f"{key:>13}: {value}")
        print()
        print(report.table(top))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
