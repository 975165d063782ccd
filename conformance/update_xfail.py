#!/usr/bin/env python3
"""Rewrites xfail/default.txt and xfail/gc-stress.txt from fresh runs of pyvm.

    python3 conformance/update_xfail.py [PYVM]   (default: target/debug/pyvm)

Cases that now pass are dropped; every case still failing gets the failure
observed in this run as its reason (so the reasons stay current), and the
header is rewritten to say so. Run it
after a change to the runtime (and merging main), then review the diff: a
case that *newly* fails is a regression to fix, not a line to accept.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def runner():
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    exe = os.path.join(target, "debug", "pyvm-conformance")
    subprocess.run(
        ["cargo", "build", "-q", "-p", "pyvm-conformance"], cwd=ROOT, check=True
    )
    return exe


def read_list(path):
    header, reasons = [], {}
    with open(path) as f:
        for line in f:
            s = line.rstrip("\n")
            if s.startswith("#") or not s.strip():
                if not reasons:
                    header.append(s)
                continue
            case, _, reason = s.partition("#")
            reasons[case.strip()] = reason.strip()
    return header, reasons


def main():
    pyvm = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "debug", "pyvm"
    )
    exe = runner()
    for mode in ("default", "gc-stress"):
        path = os.path.join(HERE, "xfail", f"{mode}.txt")
        _, old = read_list(path)
        header = [
            f"# Expected failures of pyvm in mode `{mode}`: one case per line, `area/name  # reason`.",
            "# Strict: a listed case that passes fails the run until its line is removed.",
            "# Written by conformance/update_xfail.py from a fresh run; each reason is the",
            "# first difference observed in that run.",
        ]
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            subprocess.run(
                [exe, "--python", pyvm, "--mode", mode, "--xfail", "none", "--json", out.name],
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
            )
            cases = json.load(open(out.name))["cases"]
        lines, new, gone = [], [], 0
        for name in sorted(cases):
            r = cases[name]
            if r["status"] == "pass":
                gone += name in old
                continue
            reason = " ".join((r.get("detail") or r["status"]).split())[:160]
            if name not in old:
                new.append(name)
            lines.append(f"{name}  # {reason}")
        with open(path, "w") as f:
            f.write("\n".join(header + lines) + "\n")
        print(f"{mode}: {len(lines)} expected failures, {gone} now pass, {len(new)} newly failing")
        for n in new:
            print(f"  NEW FAILURE {n}: {(cases[n].get('detail') or cases[n]['status'])[:200]}")


if __name__ == "__main__":
    main()
