"""pyvm's own minimal stand-in for the ``pyperf`` module.

Written from pyperf's documented API (``Runner``, ``bench_func``,
``bench_time_func``, ``perf_counter``, ``python_has_jit``), covering what the
pyperformance 1.14 ``bm_*/run_benchmark.py`` programs use.  It needs only
``sys`` and ``time``: ``os`` (environment), ``argparse`` (options) and
``open`` (the result file) are used when the interpreter has them, with
small fallbacks of its own otherwise, so a young interpreter without much of
a standard library can already run the programs.  It is a single file
importing nothing but the standard library, so ``bench/run.py --bundle`` can
inline it into a program.

Differences from the real pyperf, on purpose:

* everything runs in the current process (no worker processes), so JIT
  warm-up is visible: every call is recorded, including warm-ups;
* the summary goes to **stderr**, so that stdout holds only what the
  benchmark program itself prints (``bench/run.py --check`` compares it);
* results are JSON lines appended to the file named by ``PYVM_BENCH_OUT``
  (or ``--output``), one object per benchmark, with every run's time.

Options (command line, or environment variables as defaults):

``--loops N`` / ``PYVM_BENCH_LOOPS``
    calls per timed value; 0 (default) calibrates so a value lasts at least
    ``--min-time`` seconds.
``--values N`` / ``PYVM_BENCH_VALUES``
    measured values (default 5).
``--warmups N`` / ``PYVM_BENCH_WARMUPS``
    warm-up values, recorded but excluded from the statistics (default 1).
``--min-time S`` / ``PYVM_BENCH_MIN_TIME``
    calibration target in seconds (default 0.1).
``--fast`` / ``--rigorous``
    fewer / more values, like pyperf's flags of the same name.
``--output FILE`` / ``PYVM_BENCH_OUT``
    JSON-lines result file (appended to).
``--record-result`` / ``PYVM_BENCH_RECORD_RESULT=1``
    store ``repr()`` of the benchmarked function's last return value.
``--record-globals NAME,...`` / ``PYVM_BENCH_RECORD_GLOBALS``
    store ``repr()`` of these globals of ``__main__`` after the benchmark
    (for programs whose timed function returns only a time, e.g. nbody's
    final ``SYSTEM`` of bodies).
``PYVM_BENCH_CLOCK=cpu``
    make ``perf_counter`` (which the programs call to time themselves) the
    process CPU clock instead of the wall clock: far steadier on a shared,
    overloaded machine.  It counts every thread of the process, so a JIT
    compiling in the background is charged for it.
"""

import sys
import time

# On a young interpreter these imports may fail with more than ImportError
# (a module half implemented); either way the fallbacks below take over.
try:
    import os

    _ENVIRON = os.environ
except Exception:
    # os.py needs much of the language; the native posix module may be
    # there before it (its environ has bytes keys and values).
    try:
        import posix

        def _text(b):
            return b.decode() if isinstance(b, bytes) else b

        _ENVIRON = {_text(k): _text(v) for k, v in posix.environ.items()}
    except Exception:  # no environment variables then
        _ENVIRON = {}

try:
    import argparse
except Exception:  # _MiniParser then
    argparse = None

__all__ = [
    "Runner",
    "Benchmark",
    "perf_counter",
    "python_implementation",
    "python_has_jit",
    "median",
]

VERSION = (0, 1, 0)
__version__ = "0.1.0"



def _select_clock():
    name = _ENVIRON.get("PYVM_BENCH_CLOCK", "wall")
    if name == "wall":
        return "wall", time.perf_counter
    if name == "cpu":
        return "cpu", time.process_time
    raise SystemExit("pyperf stand-in: PYVM_BENCH_CLOCK=%r is neither wall nor cpu"
                     % name)


CLOCK, perf_counter = _select_clock()

DEFAULT_VALUES = 5
DEFAULT_WARMUPS = 1
DEFAULT_MIN_TIME = 0.1
# Calibration never asks for more calls per value than this.
MAX_LOOPS = 1 << 24


def python_implementation():
    """Lower-case name of the running implementation: cpython, pypy, pyvm."""
    impl = getattr(sys, "implementation", None)
    name = getattr(impl, "name", None)
    if name:
        return name.lower()
    return "unknown"


def python_has_jit():
    """Whether the running interpreter has a JIT switched on.

    PyPy has one unless ``pypyjit`` reports it disabled; pyvm has one unless
    started with ``-X jit=off``; CPython 3.11 has none.
    """
    impl = python_implementation()
    if impl == "pypy":
        try:
            import pypyjit  # noqa: F401 (only present on PyPy)
        except ImportError:
            return False
        return True
    if impl == "pyvm":
        xoptions = getattr(sys, "_xoptions", {})
        return xoptions.get("jit") != "off"
    return False


def median(values):
    """Median of a non-empty sequence of numbers."""
    ordered = sorted(values)
    count = len(ordered)
    if count == 0:
        raise ValueError("median of no values")
    middle = count // 2
    if count % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2.0


def _stdev(values):
    count = len(values)
    if count < 2:
        return 0.0
    mean = sum(values) / count
    return (sum((v - mean) ** 2 for v in values) / (count - 1)) ** 0.5


# Prefix of a result line written to stderr when the output file cannot be
# opened; bench/run.py reads such lines too.
RECORD_MARKER = "PYVM-BENCH-RECORD "


def peak_rss_kib():
    """This process's peak resident set size in KiB (Linux ``VmHWM``), or
    None where ``/proc/self/status`` cannot be read.

    The harness's own ``ru_maxrss`` of a child includes the image the child
    was forked from (Linux keeps that high-water mark across ``exec``), so
    the child reports its own."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except Exception:
        return None
    return None


def _json_string(text):
    pieces = ['"']
    for char in text:
        if char == '"' or char == "\\":
            pieces.append("\\" + char)
        elif char < " ":
            pieces.append("\\u%04x" % ord(char))
        else:
            pieces.append(char)
    pieces.append('"')
    return "".join(pieces)


def to_json(value):
    """JSON text of dicts, lists, tuples, str, int, float, bool and None.

    Keys are sorted; non-finite floats come out as ``Infinity``/``NaN`` as
    Python's ``json`` module writes and reads them.
    """
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return _json_string(value)
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (float("inf"), float("-inf")):
            return "Infinity" if value > 0 else "-Infinity"
        return repr(value)
    if isinstance(value, dict):
        items = sorted((str(key), item) for key, item in value.items())
        return "{" + ", ".join(
            _json_string(key) + ": " + to_json(item) for key, item in items) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(to_json(item) for item in value) + "]"
    return _json_string(repr(value))


class _ModuleView:
    """Attribute access to a namespace dict, standing in for a module object.

    ``bench/run.py --bundle`` executes this file's source inside a program
    and binds ``pyperf`` to ``_ModuleView(namespace)``.
    """

    def __init__(self, namespace):
        for key, value in namespace.items():
            setattr(self, key, value)


class _Namespace:
    """Parsed options, like ``argparse.Namespace``."""

    def __repr__(self):
        return "Namespace(%s)" % ", ".join(
            "%s=%r" % item for item in sorted(self.__dict__.items()))


class _MiniParser:
    """The part of ``argparse.ArgumentParser`` the programs use.

    Options with a value (``--x V`` or ``--x=V``, ``type``, ``default``,
    ``choices``), ``action="store_true"``, and positionals with
    ``nargs="?"``.  Used only when ``argparse`` cannot be imported.
    """

    def __init__(self, description=None):
        self.description = description
        self._options = {}
        self._specs = []
        self._positionals = []

    def add_argument(self, *names, **spec):
        """Declare an option (``-x``/``--name``) or a positional."""
        if names[0].startswith("-"):
            long_names = [n for n in names if n.startswith("--")]
            dest = spec.get("dest") or (long_names or names)[0].lstrip("-")
            spec["dest"] = dest.replace("-", "_")
            for name in names:
                self._options[name] = spec
            self._specs.append(spec)
        else:
            spec["dest"] = names[0]
            self._positionals.append(spec)

    def error(self, message):
        """Print ``message`` and exit with status 2, as argparse does."""
        sys.stderr.write("%s: error: %s\n" % (sys.argv[0], message))
        raise SystemExit(2)

    def _convert(self, spec, raw, name):
        value = raw
        convert = spec.get("type")
        if convert is not None:
            try:
                value = convert(raw)
            except (TypeError, ValueError):
                self.error("argument %s: invalid %s value: %r"
                           % (name, getattr(convert, "__name__", "?"), raw))
        choices = spec.get("choices")
        if choices is not None and value not in choices:
            self.error("argument %s: invalid choice: %r" % (name, value))
        return value

    def parse_args(self, args=None):
        """Parse ``args`` (default ``sys.argv[1:]``) into a namespace."""
        if args is None:
            args = sys.argv[1:]
        namespace = _Namespace()
        for spec in self._specs:
            if spec.get("action") == "store_true":
                setattr(namespace, spec["dest"], spec.get("default", False))
            else:
                setattr(namespace, spec["dest"], spec.get("default"))
        positionals = list(self._positionals)
        for spec in positionals:
            setattr(namespace, spec["dest"], spec.get("default"))
        index = 0
        while index < len(args):
            arg = args[index]
            index += 1
            if arg.startswith("-") and arg != "-":
                name, has_value, value = arg.partition("=")
                spec = self._options.get(name)
                if spec is None:
                    self.error("unrecognized arguments: %s" % arg)
                if spec.get("action") == "store_true":
                    setattr(namespace, spec["dest"], True)
                    continue
                if not has_value:
                    if index >= len(args):
                        self.error("argument %s: expected one argument" % name)
                    value = args[index]
                    index += 1
                setattr(namespace, spec["dest"], self._convert(spec, value, name))
            elif positionals:
                spec = positionals.pop(0)
                setattr(namespace, spec["dest"],
                        self._convert(spec, arg, spec["dest"]))
            else:
                self.error("unrecognized arguments: %s" % arg)
        return namespace


def _read_globals(names):
    main = sys.modules.get("__main__")
    found = {}
    for name in names.split(","):
        name = name.strip()
        if name:
            found[name] = repr(getattr(main, name, "<missing global>"))
    return found


def format_seconds(seconds):
    """Human form of a duration: ``1.23 ms``, ``45.6 us``, ``2.00 sec``."""
    if seconds >= 1.0:
        return "%.2f sec" % seconds
    if seconds >= 1e-3:
        return "%.2f ms" % (seconds * 1e3)
    if seconds >= 1e-6:
        return "%.2f us" % (seconds * 1e6)
    return "%.1f ns" % (seconds * 1e9)


def _env_number(name, convert, default):
    raw = _ENVIRON.get(name)
    if raw is None or raw == "":
        return default
    try:
        return convert(raw)
    except ValueError:
        raise SystemExit("pyperf stand-in: %s=%r is not a number" % (name, raw))


class Benchmark:
    """What one ``bench_*`` call measured.

    ``runs`` holds every timed call in order as dicts with ``phase``
    (``calibrate``, ``warmup`` or ``value``), ``loops`` and ``seconds``
    (seconds per inner loop).
    """

    def __init__(self, name, runs, inner_loops, metadata):
        self.name = name
        self.runs = runs
        self.inner_loops = inner_loops
        self.metadata = metadata
        self.result = None
        self.globals = None

    def get_name(self):
        """The benchmark's name as given to ``bench_func``."""
        return self.name

    def get_values(self):
        """Measured seconds per loop (warm-ups and calibration excluded)."""
        return tuple(run["seconds"] for run in self.runs if run["phase"] == "value")

    def median(self):
        """Median of :meth:`get_values`."""
        return median(self.get_values())

    def mean(self):
        """Mean of :meth:`get_values`."""
        values = self.get_values()
        return sum(values) / len(values)

    def stdev(self):
        """Sample standard deviation of :meth:`get_values`."""
        return _stdev(self.get_values())

    def to_record(self):
        """The record (a dict) written as one JSON line for this benchmark."""
        record = {
            "name": self.name,
            "implementation": python_implementation(),
            "jit": python_has_jit(),
            "clock": CLOCK,
            "inner_loops": self.inner_loops,
            "first": self.runs[0]["seconds"] if self.runs else None,
            "median": self.median() if self.get_values() else None,
            "runs": self.runs,
            "metadata": self.metadata,
        }
        hwm = peak_rss_kib()
        if hwm is not None:
            record["peak_rss_kib"] = hwm
        if self.result is not None:
            record["result"] = self.result
        if self.globals is not None:
            record["globals"] = self.globals
        return record


class Runner:
    """Runs benchmark functions in this process and reports their timings.

    Accepts pyperf's constructor keywords; ``values``, ``warmups``, ``loops``
    and ``min_time`` set defaults that the command line overrides.
    ``processes`` is accepted and ignored (everything runs in-process).
    """

    def __init__(
        self,
        values=None,
        processes=None,
        loops=0,
        min_time=None,
        metadata=None,
        show_name=True,
        program_args=None,
        add_cmdline_args=None,
        warmups=None,
        **_ignored
    ):
        self.metadata = dict(metadata or {})
        self.show_name = show_name
        self.program_args = program_args
        self.add_cmdline_args = add_cmdline_args
        self.args = None
        self._defaults = {
            "values": values
            if values is not None
            else _env_number("PYVM_BENCH_VALUES", int, DEFAULT_VALUES),
            "warmups": warmups
            if warmups is not None
            else _env_number("PYVM_BENCH_WARMUPS", int, DEFAULT_WARMUPS),
            "loops": loops or _env_number("PYVM_BENCH_LOOPS", int, 0),
            "min_time": min_time
            if min_time is not None
            else _env_number("PYVM_BENCH_MIN_TIME", float, DEFAULT_MIN_TIME),
        }
        self.argparser = self._make_argparser()

    def _make_argparser(self):
        description = "Benchmark (pyvm's pyperf stand-in)"
        if argparse is not None:
            parser = argparse.ArgumentParser(description=description)
        else:
            parser = _MiniParser(description)
        defaults = self._defaults
        parser.add_argument(
            "-l", "--loops", type=int, default=defaults["loops"],
            help="calls per value; 0 calibrates (default: %(default)s)",
        )
        parser.add_argument(
            "-n", "--values", type=int, default=defaults["values"],
            help="measured values (default: %(default)s)",
        )
        parser.add_argument(
            "-w", "--warmups", type=int, default=defaults["warmups"],
            help="warm-up values (default: %(default)s)",
        )
        parser.add_argument(
            "--min-time", type=float, default=defaults["min_time"],
            help="calibration target per value in seconds (default: %(default)s)",
        )
        parser.add_argument("-p", "--processes", type=int, default=1,
                            help="accepted for pyperf compatibility; ignored")
        parser.add_argument("--fast", action="store_true",
                            help="fewer values (1 warm-up, 3 values)")
        parser.add_argument("--rigorous", action="store_true",
                            help="more values (3 warm-ups, 15 values)")
        parser.add_argument(
            "-o", "--output", default=_ENVIRON.get("PYVM_BENCH_OUT") or None,
            help="append JSON-lines results to this file",
        )
        parser.add_argument(
            "--record-result", action="store_true",
            default=_ENVIRON.get("PYVM_BENCH_RECORD_RESULT", "") not in ("", "0"),
            help="store repr() of bench_func's last return value",
        )
        parser.add_argument(
            "--record-globals", metavar="NAME,...",
            default=_ENVIRON.get("PYVM_BENCH_RECORD_GLOBALS", ""),
            help="store repr() of these __main__ globals after the benchmark",
        )
        parser.add_argument("-q", "--quiet", action="store_true",
                            help="print nothing on stderr")
        return parser

    def parse_args(self, args=None):
        """Parse the command line (once); returns the ``argparse`` namespace."""
        if self.args is not None:
            return self.args
        if args is None:
            args = sys.argv[1:]
        namespace = self.argparser.parse_args(args)
        if namespace.fast:
            namespace.warmups, namespace.values = 1, 3
        if namespace.rigorous:
            namespace.warmups, namespace.values = 3, 15
        if namespace.values < 1:
            self.argparser.error("--values must be at least 1")
        if namespace.warmups < 0 or namespace.loops < 0:
            self.argparser.error("--warmups and --loops must not be negative")
        self.args = namespace
        return namespace

    def bench_time_func(self, name, time_func, *args, **kwargs):
        """Benchmark ``time_func(loops, *args)``, which returns elapsed seconds.

        Keyword ``inner_loops`` divides each value further (the function runs
        its body that many times per loop); ``metadata`` adds to the record.
        """
        inner_loops = kwargs.pop("inner_loops", None) or 1
        metadata = kwargs.pop("metadata", None)
        if kwargs:
            raise TypeError("unexpected keyword arguments: %s" % sorted(kwargs))

        def timed(loops):
            return time_func(loops, *args), None

        return self._run(name, timed, inner_loops, metadata)

    def bench_func(self, name, func, *args, **kwargs):
        """Benchmark ``func(*args)``, called ``loops`` times per value."""
        inner_loops = kwargs.pop("inner_loops", None) or 1
        metadata = kwargs.pop("metadata", None)
        if kwargs:
            raise TypeError("unexpected keyword arguments: %s" % sorted(kwargs))

        def timed(loops):
            result = None
            start = perf_counter()
            for _ in range(loops):
                result = func(*args)
            return perf_counter() - start, result

        return self._run(name, timed, inner_loops, metadata)

    def bench_async_func(self, name, func, *args, **kwargs):
        """Benchmark a coroutine function, each call run by ``asyncio.run``."""
        import asyncio

        def call():
            return asyncio.run(func(*args))

        return self.bench_func(name, call, **kwargs)

    def _run(self, name, timed, inner_loops, metadata):
        options = self.parse_args()
        runs = []

        def record(phase, loops):
            elapsed, result = timed(loops)
            runs.append({
                "phase": phase,
                "loops": loops,
                "seconds": elapsed / (loops * inner_loops),
            })
            return elapsed, result

        loops = options.loops
        if loops == 0:
            loops = 1
            while True:
                elapsed, _ = record("calibrate", loops)
                if elapsed >= options.min_time or loops >= MAX_LOOPS:
                    break
                # Aim past the target in one step when far from it.
                if elapsed > 0:
                    wanted = int(loops * options.min_time / elapsed * 1.2) + 1
                    loops = min(max(loops * 2, wanted), MAX_LOOPS)
                else:
                    loops = min(loops * 10, MAX_LOOPS)
        result = None
        for _ in range(options.warmups):
            record("warmup", loops)
        for _ in range(options.values):
            _, result = record("value", loops)

        all_metadata = dict(self.metadata)
        if metadata:
            all_metadata.update(metadata)
        bench = Benchmark(name, runs, inner_loops, all_metadata)
        if options.record_result:
            bench.result = repr(result)
        if options.record_globals:
            bench.globals = _read_globals(options.record_globals)
        self._report(bench, options)
        return bench

    def _report(self, bench, options):
        if options.output:
            line = to_json(bench.to_record())
            try:
                with open(options.output, "a") as out:
                    out.write(line + "\n")
            except (NameError, OSError):
                # No usable open(): hand the record over on stderr instead.
                sys.stderr.write(RECORD_MARKER + line + "\n")
        if options.quiet:
            return
        values = bench.get_values()
        line = "Median +- std dev: %s +- %s (first run %s, %d values x %d loops)" % (
            format_seconds(bench.median()),
            format_seconds(_stdev(values)),
            format_seconds(bench.runs[0]["seconds"]),
            len(values),
            bench.runs[-1]["loops"],
        )
        if self.show_name:
            line = "%s: %s" % (bench.name, line)
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
