#!/usr/bin/env python3
"""Runs the programs in pyvm/benches/interp under pyvm and python3.

Usage: python3 pyvm/scripts/bench_interp.py [PYVM_BINARY] [RUNS]

Reports the median CPU time (user + system of the child, which is less
sensitive than wall time to other load on a shared machine) of RUNS runs
(default 5) per program and interpreter, and the ratio pyvm / python3. Each
program's output must be identical under both, or the row says so.
"""
import os
import resource
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "..", "benches", "interp")


def cpu_run(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(cmd, capture_output=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, out.stdout, out.returncode


def main():
    pyvm = sys.argv[1] if len(sys.argv) > 1 else "target/release/pyvm"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    print("| program | pyvm CPU s (median) | python3 CPU s (median) | pyvm / python3 | same output |")
    print("|---|---:|---:|---:|---|")
    for name in sorted(os.listdir(PROGRAMS)):
        if not name.endswith(".py"):
            continue
        path = os.path.join(PROGRAMS, name)
        times = {}
        outs = {}
        for label, cmd in (("pyvm", [pyvm, path]), ("python3", ["python3", path])):
            samples = []
            for _ in range(runs):
                cpu, out, rc = cpu_run(cmd)
                samples.append(cpu)
                outs[label] = (out, rc)
            times[label] = statistics.median(samples)
        same = "yes" if outs["pyvm"] == outs["python3"] else "NO"
        ratio = times["pyvm"] / times["python3"] if times["python3"] else float("nan")
        print(f"| {name} | {times['pyvm']:.3f} | {times['python3']:.3f} | {ratio:.2f} | {same} |")


if __name__ == "__main__":
    main()
