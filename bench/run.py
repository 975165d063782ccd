#!/usr/bin/env python3
"""Run the pyperformance 1.14 programs under several Pythons side by side.

    python3 bench/run.py --quick
    python3 bench/run.py --python python3 --python pypy3 \\
        --python target/release/pyvm --jit-off --json out.json
    python3 bench/run.py --check
    python3 bench/run.py --tiny --python target/release/pyvm  # small sizes
    python3 bench/run.py --tiny --bundle --python target/release/pyvm

Each program runs in its own process per interpreter, with ``PYTHONPATH``
pointing at pyvm's pyperf stand-in (``bench/pyperf/pyperf.py``), which
records every timed run (warm-up included) as JSON lines.  The harness prints,
per benchmark, a markdown table of first-iteration time, steady-state median,
ratio to the baseline, whole-process wall time and peak RSS, plus start-up
(``-c pass``).  An interpreter that fails a program gets a ``fails: ...``
cell; the harness itself keeps going.
"""

import argparse
import hashlib
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import child  # noqa: E402
import programs  # noqa: E402
import table  # noqa: E402

PYPERF_DIR = os.path.join(HERE, "pyperf")
REPO_ROOT = os.path.dirname(HERE)

# Repetition settings: (min_time, warmups, values).
FULL_SETTINGS = (0.1, 3, 10)
QUICK_SETTINGS = (0.05, 2, 5)


class Interpreter:
    """One interpreter to run: a label for the tables and its argv prefix."""

    def __init__(self, label, argv):
        self.label = label
        self.argv = list(argv)
        self.implementation = None
        self.version = None
        self.error = None

    def __repr__(self):
        return "Interpreter(%r, %r)" % (self.label, self.argv)


def pyvm_position(argv):
    """Index of the pyvm executable in ``argv`` (it may follow ``env ...``)."""
    for index, word in enumerate(argv):
        if os.path.basename(word).startswith("pyvm"):
            return index
    return None


def parse_interpreter(spec, jit_off=False):
    """``[label=]command [args...]`` -> :class:`Interpreter`.

    With ``jit_off``, a pyvm command gets ``-X jit=off`` right after the
    executable, also behind a wrapper such as ``env PYVM_GC_STRESS=100``.
    """
    label = None
    if "=" in spec.split(" ", 1)[0] and not spec.startswith(("/", ".")):
        label, spec = spec.split("=", 1)
    argv = shlex.split(spec)
    if not argv:
        raise ValueError("empty interpreter spec")
    position = pyvm_position(argv)
    if jit_off and position is not None and "jit=off" not in argv:
        argv[position + 1:position + 1] = ["-X", "jit=off"]
    if label is None:
        label = " ".join([os.path.basename(argv[0])] + argv[1:])
    return Interpreter(label, argv)


def resolve_command(argv0):
    """Absolute path of a command given by name or path, or None."""
    if os.sep in argv0:
        path = os.path.abspath(argv0)
        return path if os.access(path, os.X_OK) else None
    return shutil.which(argv0)


def ensure_pypy(log=print):
    """Install Debian's ``pypy3`` when missing and we are root.

    Returns None when pypy3 is (now) available, else the reason it is not.
    """
    if shutil.which("pypy3"):
        return None
    if os.geteuid() != 0:
        return "pypy3 not installed and not running as root to apt-get it"
    if not shutil.which("apt-get"):
        return "pypy3 not installed and no apt-get"
    log("installing pypy3 with apt-get")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    done = subprocess.run(["apt-get", "install", "-y", "pypy3"], env=env)
    if done.returncode != 0 or not shutil.which("pypy3"):
        return "apt-get install -y pypy3 failed (status %d)" % done.returncode
    return None


def describe_interpreter(interp, timeout=60):
    """Fill in implementation name and version.

    Sets ``error`` (and so skips the interpreter) only when it cannot be
    started at all; an interpreter too young to answer the probe still gets
    to try (and fail) each program, so its cells say what went wrong.
    """
    code = ("import sys; print(sys.implementation.name, "
            "'.'.join(map(str, sys.version_info[:3])))")
    result = child.run_child(interp.argv + ["-c", code], timeout=timeout)
    if result.error is not None:
        interp.error = result.error
        return
    if not result.ok:
        interp.implementation = "unknown (probe %s)" % result.failure_line()
        return
    words = result.stdout.split()
    if len(words) >= 2:
        interp.implementation, interp.version = words[0], words[1]


def child_env(out_path=None, record_result=False, clock=None,
              record_globals=None):
    """Environment for a benchmark child: our pyperf first on the path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = PYPERF_DIR
    # Each interpreter's bytecode cache is part of its normal start-up.
    # CPython reads the .pyc files installed with its stdlib even when this
    # is set; pyvm writes its own cache on first import only without it, so
    # a caller's setting would make pyvm recompile every stdlib module at
    # each start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for key in list(env):
        if key.startswith("PYVM_BENCH_"):
            del env[key]
    if out_path:
        env["PYVM_BENCH_OUT"] = out_path
    if record_result:
        env["PYVM_BENCH_RECORD_RESULT"] = "1"
    if clock:
        env["PYVM_BENCH_CLOCK"] = clock
    if record_globals:
        env["PYVM_BENCH_RECORD_GLOBALS"] = record_globals
    return env


RECORD_MARKER = "PYVM-BENCH-RECORD "


def read_records(path, stderr=""):
    """The records the pyperf stand-in wrote to ``path``.

    An interpreter without a usable ``open`` makes the stand-in write them
    to stderr behind ``RECORD_MARKER`` instead; those are read from
    ``stderr`` when the file has none.
    """
    lines = []
    if os.path.exists(path):
        with open(path) as handle:
            lines = [line.strip() for line in handle if line.strip()]
    if not lines:
        lines = [line[len(RECORD_MARKER):] for line in stderr.splitlines()
                 if line.startswith(RECORD_MARKER)]
    return [json.loads(line) for line in lines]


def cell_from_run(result, records):
    """Turn a finished benchmark child and its records into a table cell."""
    base = {"wall": result.wall, "cpu": result.cpu,
            "max_rss_kib": result.max_rss_kib}
    if not result.ok:
        return dict(base, ok=False, error=result.failure_line())
    if not records:
        return dict(base, ok=False, error="no result recorded (does it use pyperf?)")
    record = records[-1]
    if record.get("peak_rss_kib"):
        base["max_rss_kib"] = record["peak_rss_kib"]
    runs = record["runs"]
    values = [run["seconds"] for run in runs if run["phase"] == "value"]
    return dict(
        base,
        ok=True,
        first=runs[0]["seconds"],
        median=record["median"],
        values=values,
        runs=runs,
        calls=sum(run["loops"] for run in runs),
        implementation=record.get("implementation"),
        jit=record.get("jit"),
    )


def run_benchmark(interp, name, path, settings, extra_args, timeout, workdir,
                  clock=None):
    """Run benchmark ``name`` under ``interp``; return its cell.

    ``clock`` (``wall`` or ``cpu``) is the clock the stand-in times with.
    """
    if interp.error:
        return {"ok": False, "error": interp.error}
    min_time, warmups, values = settings
    out_path = os.path.join(workdir, "%s.jsonl" % name)
    if os.path.exists(out_path):
        os.remove(out_path)
    argv = interp.argv + [path, "--min-time", str(min_time), "--warmups",
                          str(warmups), "--values", str(values)] + extra_args
    result = child.run_child(argv, env=child_env(out_path, clock=clock),
                             cwd=workdir, timeout=timeout)
    return cell_from_run(result, read_records(out_path, result.stderr))


# Run once after the timed ``-c pass`` runs: prints the process's own peak
# RSS (``VmHWM``), which ``ru_maxrss`` cannot give for a forked child.
STARTUP_RSS_CODE = (
    "for line in open('/proc/self/status'):\n"
    "    if line.startswith('VmHWM:'): print(line.split()[1])\n")


def measure_startup(interp, runs, timeout):
    """Median wall time of ``interp -c pass`` over ``runs``, and its peak
    RSS (from one more run that reads ``/proc/self/status``; ``ru_maxrss``
    where that fails)."""
    if interp.error:
        return {"ok": False, "error": interp.error}
    walls, cpus, rss = [], [], []
    for _ in range(runs):
        result = child.run_child(interp.argv + ["-c", "pass"], timeout=timeout)
        if not result.ok:
            return {"ok": False, "error": result.failure_line()}
        walls.append(result.wall)
        cpus.append(result.cpu)
        rss.append(result.max_rss_kib)
    peak = median(rss)
    own = child.run_child(interp.argv + ["-c", STARTUP_RSS_CODE], timeout=timeout)
    if own.ok and own.stdout.strip().isdigit():
        peak = int(own.stdout.strip())
    return {"ok": True, "median": median(walls), "walls": walls,
            "cpu": median(cpus), "max_rss_kib": peak}


def median(values):
    """Median of a non-empty list."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2.0


ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def normalize_result(text):
    """Drop object addresses from a ``repr`` so runs can be compared."""
    if text is None:
        return None
    return ADDRESS.sub(" at 0x?", text)


def check_once(interp, name, path, extra_args, timeout, workdir):
    """Run ``name`` once for ``--check``; return what it produced or an error."""
    if interp.error:
        return {"ok": False, "error": interp.error}
    out_path = os.path.join(workdir, "%s.jsonl" % name)
    if os.path.exists(out_path):
        os.remove(out_path)
    args = list(extra_args)
    file_path = None
    if name in programs.WRITES_FILE:
        file_path = os.path.join(workdir, "%s.out" % name)
        if os.path.exists(file_path):
            os.remove(file_path)
        args += [programs.WRITES_FILE[name], file_path]
    argv = interp.argv + [path, "--loops", "1", "--warmups", "0", "--values",
                          "1", "--quiet"] + args
    env = child_env(out_path, record_result=True,
                    record_globals=programs.CHECK_GLOBALS.get(name))
    result = child.run_child(argv, env=env, cwd=workdir, timeout=timeout)
    if not result.ok:
        return {"ok": False, "error": result.failure_line()}
    records = read_records(out_path, result.stderr)
    if not records:
        return {"ok": False, "error": "no result recorded (does it use pyperf?)"}
    record = records[-1]
    produced = {
        "ok": True,
        "stdout": result.stdout,
        "result": normalize_result(record.get("result")),
        "globals": {key: normalize_result(text)
                    for key, text in sorted(record.get("globals", {}).items())},
        "file_sha256": None,
    }
    if file_path is not None:
        if not os.path.exists(file_path):
            return {"ok": False, "error": "wrote no output file"}
        with open(file_path, "rb") as data:
            produced["file_sha256"] = hashlib.sha256(data.read()).hexdigest()
    return produced


def compare_outputs(reference, other):
    """Verdict for ``other`` against ``reference`` (both from check_once)."""
    if not other.get("ok"):
        return table.fail_cell(other.get("error", "?"))
    if not reference.get("ok"):
        return "reference failed"
    differences = []
    if other["stdout"] != reference["stdout"]:
        differences.append("stdout")
    if other["result"] != reference["result"]:
        differences.append("result %s != %s" % (
            _short(other["result"]), _short(reference["result"])))
    for name, text in reference.get("globals", {}).items():
        if other.get("globals", {}).get(name) != text:
            differences.append("global %s" % name)
    if other["file_sha256"] != reference["file_sha256"]:
        differences.append("output file")
    if differences:
        return "differs: " + ", ".join(differences)
    return "same"


def _short(text, limit=40):
    text = str(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def describe_reference(produced):
    """Cell text for the reference interpreter in the check table."""
    if not produced.get("ok"):
        return table.fail_cell(produced.get("error", "?"))
    parts = ["reference"]
    if produced["result"] not in (None, "None"):
        parts.append("result " + _short(produced["result"]))
    for name, text in produced.get("globals", {}).items():
        parts.append("global %s (%d chars)" % (name, len(text)))
    if produced["file_sha256"]:
        parts.append("file sha256 " + produced["file_sha256"][:12])
    if produced["stdout"]:
        parts.append("%d bytes stdout" % len(produced["stdout"]))
    return ", ".join(parts)


def default_interpreters():
    """python3, pypy3 and the repository's release pyvm if it is built."""
    specs = ["python3", "pypy3"]
    candidates = [os.path.join(REPO_ROOT, "target", "release", "pyvm")]
    target_dir = os.environ.get("CARGO_TARGET_DIR")
    if target_dir:
        candidates.insert(0, os.path.join(target_dir, "release", "pyvm"))
    for path in candidates:
        if os.access(path, os.X_OK):
            specs.append(path)
            break
    return specs


def parse_args(argv=None):
    """The harness's command line."""
    parser = argparse.ArgumentParser(
        description="Run the pyperformance 1.14 programs under several "
                    "interpreters side by side (pyvm's benchmark harness).")
    parser.add_argument(
        "--python", action="append", metavar="[LABEL=]CMD",
        help="interpreter to run (repeatable; default: python3, pypy3 and "
             "target/release/pyvm if built). CMD may carry arguments, e.g. "
             "'pyvm-nojit=target/release/pyvm -X jit=off'.")
    parser.add_argument("--jit-off", action="store_true",
                        help="give interpreters named pyvm* '-X jit=off'")
    parser.add_argument("--jit-both", action="store_true",
                        help="run interpreters named pyvm* twice: as given "
                             "and with '-X jit=off'")
    parser.add_argument("--bench", metavar="NAME,...",
                        help="benchmarks or groups to run (default: all "
                             "twelve: %s; group 'core': the %d that import "
                             "only pyperf and math)"
                             % (",".join(programs.BENCHMARKS),
                                len(programs.GROUPS["core"])))
    parser.add_argument("--quick", action="store_true",
                        help="smaller sizes and fewer values (about a minute "
                             "for python3 and pypy3 here)")
    parser.add_argument("--tiny", action="store_true",
                        help="much smaller sizes (edited copies of some "
                             "programs) with --quick's repetitions: for a "
                             "slow interpreter or a GC-stress run")
    parser.add_argument("--bundle", action="store_true",
                        help="inline the pyperf stand-in into each program "
                             "(for an interpreter that cannot import from "
                             "PYTHONPATH yet)")
    parser.add_argument("--check", action="store_true",
                        help="run each program once per interpreter and "
                             "compare stdout, results and output files with "
                             "the baseline instead of timing")
    parser.add_argument("--baseline", metavar="LABEL",
                        help="interpreter the ratios divide by (default: the "
                             "first CPython given, else the first)")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="cpu",
                        help="clock the programs time themselves with: the "
                             "process CPU clock (default; steady on a shared, "
                             "overloaded machine, and charges a background "
                             "JIT thread's work) or wall (pyperf's "
                             "perf_counter)")
    parser.add_argument("--values", type=int, help="override measured values")
    parser.add_argument("--warmups", type=int, help="override warm-up values")
    parser.add_argument("--min-time", type=float,
                        help="override calibration target (seconds per value)")
    parser.add_argument("--startup-runs", type=int,
                        help="runs of '-c pass' (default 20, --quick 10)")
    parser.add_argument("--timeout", type=float,
                        help="seconds before a child is killed (default 600; "
                             "--quick 300, --tiny 120)")
    parser.add_argument("--json", metavar="OUT",
                        help="also write all measurements as JSON to OUT")
    parser.add_argument("--cache-dir", default=programs.default_cache_dir(),
                        help="where programs are downloaded (default %(default)s)")
    parser.add_argument("--no-install", action="store_true",
                        help="never apt-get install pypy3")
    options = parser.parse_args(argv)
    try:
        options.benchmarks = programs.expand_names(options.bench or "all")
    except ValueError as error:
        parser.error(str(error))
    if not options.benchmarks:
        parser.error("--bench names no benchmark")
    options.size = "tiny" if options.tiny else "quick" if options.quick else "full"
    if options.timeout is None:
        options.timeout = {"full": 600.0, "quick": 300.0, "tiny": 120.0}[options.size]
    return options


def log(message):
    """Progress goes to stderr so stdout is just the tables."""
    sys.stderr.write("[bench %s] %s\n" % (time.strftime("%H:%M:%S"), message))
    sys.stderr.flush()


def prepare_interpreters(options):
    """Parse, install (pypy3) and probe the interpreters; returns the list."""
    specs = options.python or default_interpreters()
    parsed = []
    for spec in specs:
        interp = parse_interpreter(spec, jit_off=options.jit_off)
        parsed.append(interp)
        if options.jit_both and pyvm_position(interp.argv) is not None:
            parsed.append(parse_interpreter(spec, jit_off=True))
    interps = []
    for interp in parsed:
        if os.path.basename(interp.argv[0]) == "pypy3" and not options.no_install:
            reason = ensure_pypy(log)
            if reason:
                log("skipping %s: %s" % (interp.label, reason))
                continue
        path = resolve_command(interp.argv[0])
        if path is None:
            interp.error = "not found: %s" % interp.argv[0]
        else:
            interp.argv[0] = path
            describe_interpreter(interp)
        interps.append(interp)
    return interps


def pick_baseline(interps, wanted):
    """Label of the baseline interpreter."""
    labels = [i.label for i in interps]
    if wanted:
        if wanted not in labels:
            raise SystemExit("--baseline %r is not one of %s" % (wanted, labels))
        return wanted
    for interp in interps:
        if interp.implementation == "cpython":
            return interp.label
    return labels[0]


def run_timing(options, interps, paths, baseline, workdir):
    """Time every benchmark under every interpreter; print and return all."""
    settings = list(FULL_SETTINGS if options.size == "full" else QUICK_SETTINGS)
    for index, override in enumerate((options.min_time, options.warmups,
                                      options.values)):
        if override is not None:
            settings[index] = override
    labels = [i.label for i in interps]
    startup_runs = options.startup_runs or (20 if options.size == "full" else 10)
    startup = {}
    for interp in interps:
        log("start-up of %s" % interp.label)
        startup[interp.label] = measure_startup(interp, startup_runs,
                                                options.timeout)
    print("## start-up (`-c pass`)\n")
    print(table.startup_table(startup, labels, baseline, startup_runs))
    print()
    results = {}
    for name in options.benchmarks:
        extra = programs.size_args(name, options.size)
        cells = {}
        for interp in interps:
            log("%s under %s" % (name, interp.label))
            cells[interp.label] = run_benchmark(
                interp, name, paths[name], settings, extra, options.timeout,
                workdir, clock=options.clock)
        results[name] = cells
        title = name + (" (" + " ".join(extra) + ")" if extra else "")
        if options.size == "tiny" and name in programs.TINY_EDITS:
            title += " (tiny: %s)" % "; ".join(
                new.strip() for _, new in programs.TINY_EDITS[name])
        print("## %s\n" % title)
        print(table.benchmark_table(cells, labels, baseline))
        print()
        print(table.warmup_lines(cells, labels))
        print()
        sys.stdout.flush()
    print("## summary: steady-state median per iteration (ratio to %s; "
          "%s clock)\n" % (baseline, options.clock))
    print(table.summary_table(results, options.benchmarks, labels, baseline))
    return {
        "settings": {"min_time": settings[0], "warmups": settings[1],
                     "values": settings[2], "size": options.size,
                     "clock": options.clock,
                     "startup_runs": startup_runs},
        "startup": startup,
        "benchmarks": results,
    }


def run_check(options, interps, paths, baseline, workdir):
    """Run each program once per interpreter and compare with the baseline."""
    labels = [i.label for i in interps]
    verdicts, produced = {}, {}
    all_same = True
    by_label = {i.label: i for i in interps}
    for name in options.benchmarks:
        extra = programs.size_args(name, options.size)
        outputs = {}
        for label in [baseline] + [l for l in labels if l != baseline]:
            log("check %s under %s" % (name, label))
            outputs[label] = check_once(by_label[label], name, paths[name],
                                        extra, options.timeout, workdir)
        verdicts[name] = {}
        for label in labels:
            if label == baseline:
                verdict = describe_reference(outputs[label])
                if not outputs[label].get("ok"):
                    all_same = False
            else:
                verdict = compare_outputs(outputs[baseline], outputs[label])
                if verdict != "same":
                    all_same = False
            verdicts[name][label] = verdict
        produced[name] = outputs
    print("## same results as %s (`--check`)\n" % baseline)
    print(table.check_table(verdicts, options.benchmarks, labels))
    return {"check": verdicts, "outputs": produced, "all_same": all_same}


def describe_run(interps, options):
    """Header lines: what ran, on what, with which sizes and clock."""
    lines = ["# pyperformance %s programs, %s sizes, %s clock, %d CPUs"
             % (programs.PYPERFORMANCE_VERSION, options.size,
                options.clock, os.cpu_count() or 0), ""]
    for interp in interps:
        if interp.error:
            state = "unusable: %s" % interp.error
        else:
            state = "%s %s" % (interp.implementation or "?", interp.version or "?")
        lines.append("- %s: `%s` (%s)" % (interp.label, " ".join(interp.argv),
                                         state))
    return "\n".join(lines)


def machine_note():
    """What the figures were measured on."""
    return {
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "harness_python": sys.version.split()[0],
        "date_utc": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def main(argv=None):
    """Entry point; returns the process exit status."""
    options = parse_args(argv)
    interps = prepare_interpreters(options)
    if not interps:
        log("no interpreter to run")
        return 2
    for interp in interps:
        state = interp.error or "%s %s" % (interp.implementation, interp.version)
        log("%s: %s (%s)" % (interp.label, " ".join(interp.argv), state))
    baseline = pick_baseline(interps, options.baseline)
    print(describe_run(interps, options))
    print()
    paths = programs.fetch_programs(options.benchmarks, options.cache_dir, log)
    if options.size == "tiny":
        paths = programs.tiny_programs(paths, options.cache_dir)
    if options.bundle:
        paths = programs.bundle_programs(
            paths, os.path.join(PYPERF_DIR, "pyperf.py"), options.cache_dir,
            "bundled-tiny" if options.size == "tiny" else "bundled")
    with tempfile.TemporaryDirectory(prefix="pyvm-bench-") as workdir:
        if options.check:
            report = run_check(options, interps, paths, baseline, workdir)
        else:
            report = run_timing(options, interps, paths, baseline, workdir)
    report["machine"] = machine_note()
    report["baseline"] = baseline
    report["pyperformance"] = programs.PYPERFORMANCE_VERSION
    report["interpreters"] = [
        {"label": i.label, "argv": i.argv, "implementation": i.implementation,
         "version": i.version, "error": i.error} for i in interps]
    if options.json:
        with open(options.json, "w") as out:
            json.dump(report, out, indent=1, sort_keys=True)
            out.write("\n")
        log("wrote %s" % options.json)
    if options.check and not report["all_same"]:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
