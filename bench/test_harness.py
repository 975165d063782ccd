"""Self-test of the benchmark harness: ``cd bench && python3 -m unittest``.

Covers the pyperf stand-in's Runner (repetition counts, calibration,
inner loops, JSON-lines records, argparse passthrough), child measurement,
the markdown tables, and a whole timing and check run of a tiny fake
benchmark program.  Needs no network and takes a few seconds.
"""

import contextlib
import io
import json
import os
import sys
import tempfile
import textwrap
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
for path in (os.path.join(HERE, "pyperf"), HERE):
    if path not in sys.path:
        sys.path.insert(0, path)

import child  # noqa: E402
import programs  # noqa: E402
import pyperf  # noqa: E402
import run  # noqa: E402
import table  # noqa: E402

FAKE_PROGRAM = textwrap.dedent('''
    import os
    import time
    import pyperf

    STATE = []

    def work(n):
        STATE.append(n * 2)
        if os.environ.get("FAKE_SLEEP"):
            time.sleep(float(os.environ["FAKE_SLEEP"]))
        return sum(range(n))

    if __name__ == "__main__":
        if os.environ.get("FAKE_NO_OPEN"):
            import builtins
            del builtins.open
        runner = pyperf.Runner()
        runner.argparser.add_argument("--size", type=int, default=1000)
        args = runner.parse_args()
        runner.metadata["size"] = args.size
        runner.bench_func("fake", work, args.size)
''')


class FakeClock:
    """A time_func whose 'elapsed time' is a fixed cost per loop."""

    def __init__(self, per_loop):
        self.per_loop = per_loop
        self.calls = []

    def __call__(self, loops, *args):
        self.calls.append((loops, args))
        return loops * self.per_loop


def quiet_runner(out_path, *argv):
    runner = pyperf.Runner()
    runner.parse_args(["--quiet", "--output", out_path] + list(argv))
    return runner


class RunnerTest(unittest.TestCase):
    def setUp(self):
        handle, self.out = tempfile.mkstemp(suffix=".jsonl")
        os.close(handle)
        self.addCleanup(os.remove, self.out)

    def records(self):
        with open(self.out) as lines:
            return [json.loads(line) for line in lines]

    def test_bench_func_calls_loops_times_per_value_and_records_warmups(self):
        calls = []
        runner = quiet_runner(self.out, "--loops", "2", "--warmups", "1",
                              "--values", "3")
        bench = runner.bench_func("count", lambda x: calls.append(x), "arg")
        self.assertEqual(calls, ["arg"] * 8)
        self.assertEqual(len(bench.get_values()), 3)
        [record] = self.records()
        self.assertEqual(record["name"], "count")
        self.assertEqual([r["phase"] for r in record["runs"]],
                         ["warmup", "value", "value", "value"])
        self.assertTrue(all(r["loops"] == 2 for r in record["runs"]))
        self.assertEqual(record["implementation"], pyperf.python_implementation())

    def test_bench_time_func_divides_by_loops_and_inner_loops(self):
        clock = FakeClock(0.5)
        runner = quiet_runner(self.out, "--loops", "4", "--warmups", "0",
                              "--values", "2")
        bench = runner.bench_time_func("unpack", clock, "a", "b", inner_loops=400)
        self.assertEqual(clock.calls, [(4, ("a", "b"))] * 2)
        self.assertEqual(bench.get_values(), (0.5 / 400, 0.5 / 400))
        [record] = self.records()
        self.assertEqual(record["inner_loops"], 400)
        self.assertAlmostEqual(record["median"], 0.5 / 400)
        self.assertAlmostEqual(record["first"], 0.5 / 400)

    def test_calibration_grows_loops_until_min_time(self):
        clock = FakeClock(0.01)
        runner = quiet_runner(self.out, "--min-time", "0.1", "--warmups", "1",
                              "--values", "2")
        runner.bench_time_func("calibrated", clock)
        [record] = self.records()
        phases = [r["phase"] for r in record["runs"]]
        self.assertEqual(phases[0], "calibrate")
        self.assertEqual(phases[-3:], ["warmup", "value", "value"])
        value_loops = record["runs"][-1]["loops"]
        self.assertGreaterEqual(value_loops * 0.01, 0.1)
        # The first run is always one loop, so warm-up stays visible.
        self.assertEqual(record["runs"][0]["loops"], 1)
        self.assertAlmostEqual(record["median"], 0.01)

    def test_argparser_passthrough_and_metadata(self):
        runner = pyperf.Runner(metadata={"fixed": 1})
        runner.argparser.add_argument("--iterations", type=int, default=5)
        runner.argparser.add_argument("benchmark", nargs="?",
                                      choices=["list", "tuple"])
        args = runner.parse_args(["--iterations", "7", "tuple", "-q",
                                  "-o", self.out, "--loops", "1",
                                  "--values", "1", "--warmups", "0"])
        self.assertEqual((args.iterations, args.benchmark), (7, "tuple"))
        self.assertIs(runner.parse_args(), args)
        runner.metadata["description"] = "d"
        runner.bench_func("m", int, metadata={"extra": "x"})
        [record] = self.records()
        self.assertEqual(record["metadata"],
                         {"fixed": 1, "description": "d", "extra": "x"})

    def test_environment_sets_defaults_and_result_recording(self):
        saved = dict(os.environ)
        self.addCleanup(lambda: (os.environ.clear(), os.environ.update(saved)))
        os.environ.update({"PYVM_BENCH_VALUES": "4", "PYVM_BENCH_WARMUPS": "0",
                           "PYVM_BENCH_LOOPS": "1", "PYVM_BENCH_OUT": self.out,
                           "PYVM_BENCH_RECORD_RESULT": "1"})
        runner = pyperf.Runner()
        runner.parse_args(["-q"])
        bench = runner.bench_func("env", lambda: (1, "two"))
        self.assertEqual(len(bench.get_values()), 4)
        [record] = self.records()
        self.assertEqual(record["result"], "(1, 'two')")

    def test_fast_and_rigorous_presets(self):
        runner = pyperf.Runner()
        args = runner.parse_args(["--fast"])
        self.assertEqual((args.warmups, args.values), (1, 3))
        runner = pyperf.Runner()
        args = runner.parse_args(["--rigorous"])
        self.assertEqual((args.warmups, args.values), (3, 15))

    def test_helpers(self):
        self.assertEqual(pyperf.median([3, 1, 2]), 2)
        self.assertEqual(pyperf.median([4, 1, 2, 3]), 2.5)
        self.assertFalse(pyperf.python_has_jit())  # the tests run on CPython
        self.assertEqual(pyperf.format_seconds(0.0123), "12.30 ms")
        self.assertIs(pyperf.perf_counter, __import__("time").perf_counter)


class FallbackTest(unittest.TestCase):
    """What a young interpreter without argparse or json gets."""

    def test_to_json_round_trips_through_the_json_module(self):
        value = {"name": 'q"uote\\back\nnew\u00e9\x01', "n": [1, -2, 3.5, 1e-300],
                 "t": (True, False, None), "nested": {"b": {}, "a": []},
                 "inf": float("inf")}
        text = pyperf.to_json(value)
        self.assertNotIn("\n", text)
        back = json.loads(text)
        self.assertEqual(back["name"], value["name"])
        self.assertEqual(back["n"], [1, -2, 3.5, 1e-300])
        self.assertEqual(back["t"], [True, False, None])
        self.assertEqual(back["nested"], {"a": [], "b": {}})
        self.assertEqual(back["inf"], float("inf"))
        self.assertEqual(list(json.loads(pyperf.to_json({"b": 1, "a": 2}))),
                         ["a", "b"])

    def parse_both(self, argv):
        parsed = []
        for use_argparse in (True, False):
            saved = pyperf.argparse
            if not use_argparse:
                pyperf.argparse = None
            try:
                runner = pyperf.Runner()
                runner.argparser.add_argument("--iterations", type=int, default=5)
                runner.argparser.add_argument("--rng-seed", type=int, default=1)
                runner.argparser.add_argument("--filename", metavar="F.PPM")
                runner.argparser.add_argument("benchmark", nargs="?",
                                              choices=["list", "tuple"])
                args = runner.parse_args(argv)
            finally:
                pyperf.argparse = saved
            parsed.append(args)
        return parsed

    def test_mini_parser_agrees_with_argparse(self):
        for argv in ([], ["--iterations", "7", "tuple", "--rng-seed=9"],
                     ["--fast", "-q", "--loops", "3", "--filename", "x.ppm"],
                     ["--rigorous", "list", "--record-result", "-o", "out"]):
            real, mini = self.parse_both(argv)
            self.assertEqual(vars(real), vars(mini), argv)
        self.assertEqual(
            type(self.parse_both(["list"])[1]).__name__, "_Namespace")

    def test_mini_parser_rejects_like_argparse(self):
        saved = pyperf.argparse
        pyperf.argparse = None
        self.addCleanup(setattr, pyperf, "argparse", saved)
        runner = pyperf.Runner()
        runner.argparser.add_argument("--width", type=int, default=1)
        for argv, message in ((["--width", "wide"], "invalid int value: 'wide'"),
                              (["--nope"], "unrecognized arguments: --nope"),
                              (["--width"], "expected one argument")):
            errors = io.StringIO()
            with self.assertRaises(SystemExit) as caught, \
                    contextlib.redirect_stderr(errors):
                runner.parse_args(argv)
            self.assertEqual(caught.exception.code, 2)
            self.assertIn(message, errors.getvalue())


class ChildTest(unittest.TestCase):
    def test_exit_status_output_and_peak_rss(self):
        code = "import sys; b = bytearray(64 << 20); print('hi'); sys.exit(3)"
        result = child.run_child([sys.executable, "-c", code], timeout=60)
        self.assertEqual(result.returncode, 3)
        self.assertEqual(result.stdout, "hi\n")
        self.assertFalse(result.ok)
        self.assertGreater(result.max_rss_kib, 64 * 1024)
        small = child.run_child([sys.executable, "-c", "pass"], timeout=60)
        self.assertTrue(small.ok)
        self.assertLess(small.max_rss_kib, result.max_rss_kib)

    def test_timeout_kills_and_missing_command_reports(self):
        result = child.run_child(
            [sys.executable, "-c", "import time; time.sleep(30)"], timeout=0.5)
        self.assertTrue(result.timed_out)
        self.assertLess(result.wall, 10)
        self.assertIn("timeout", result.failure_line())
        missing = child.run_child(["/nonexistent/pyvm", "-c", "pass"])
        self.assertIn("cannot start /nonexistent/pyvm", missing.failure_line())

    def test_failure_line_is_the_exception_line_of_a_traceback(self):
        result = child.run_child([sys.executable, "-c", "1/0"], timeout=60)
        self.assertEqual(result.failure_line(),
                         "ZeroDivisionError: division by zero")
        self.assertEqual(child.first_error_line("\nusage: x\nmore\n", 2),
                         "usage: x")
        self.assertEqual(child.first_error_line("", -9), "killed by signal 9")


def ok_cell(first, median):
    return {"ok": True, "first": first, "median": median, "calls": 5,
            "wall": 1.5, "cpu": 1.25, "max_rss_kib": 20480,
            "values": [median * 0.9, median, median * 1.1]}


class TableTest(unittest.TestCase):
    def test_benchmark_table_rows_ratios_and_failures(self):
        cells = {"python3": ok_cell(0.2, 0.1),
                 "pypy3": ok_cell(0.3, 0.05),
                 "pyvm": {"ok": False, "error": "NameError: name | 'x'"}}
        text = table.benchmark_table(cells, ["python3", "pypy3", "pyvm"],
                                     "python3")
        lines = text.splitlines()
        self.assertEqual(len(lines), 5)
        self.assertIn("| python3 | 200 ms | 100 ms ±10% | 1.00x | 5 | 1.50 s | 1.25 s "
                      "| 20.0 MiB |", lines)
        self.assertIn("| pypy3 | 300 ms | 50.0 ms ±10% | 0.50x |", lines[3])
        self.assertTrue(lines[4].startswith(
            "| pyvm | fails: NameError: name \\| 'x' |"))
        # Every row has the header's number of cells.
        widths = {line.count(" | ") for line in lines if "---" not in line}
        self.assertEqual(len(widths), 1)

    def test_summary_has_geometric_mean_and_startup_table(self):
        results = {"a": {"base": ok_cell(1, 1.0), "fast": ok_cell(1, 0.25)},
                   "b": {"base": ok_cell(1, 2.0), "fast": ok_cell(1, 2.0)}}
        text = table.summary_table(results, ["a", "b"], ["base", "fast"], "base")
        self.assertIn("| a | 1.00 s | 250 ms (0.25x) |", text)
        self.assertIn("| geometric mean of ratios | 1.00x | 0.50x |", text)
        startup = table.startup_table(
            {"base": {"ok": True, "median": 0.015, "cpu": 0.012,
                      "max_rss_kib": 10240},
             "x": {"ok": False, "error": "boom"}}, ["base", "x"], "base", 10)
        self.assertIn("| base | 15.0 ms | 1.00x | 12.0 ms | 10.0 MiB |", startup)
        self.assertIn("| x | fails: boom |", startup)

    def test_relative_mad(self):
        self.assertAlmostEqual(table.relative_mad([9.0, 10.0, 11.0, 10.0, 30.0]),
                               0.1)
        self.assertIsNone(table.relative_mad([]))

    def test_format_time_units(self):
        self.assertEqual(table.format_time(2.5), "2.50 s")
        self.assertEqual(table.format_time(0.000123), "123 us")
        self.assertEqual(table.format_time(1.5e-7), "150 ns")
        self.assertEqual(table.fail_cell("x" * 200)[-3:], "...")


class WarmupLinesTest(unittest.TestCase):
    def test_warmup_lines_split_warmups_from_values(self):
        runs = [{"phase": "calibrate", "loops": 1, "seconds": 0.3},
                {"phase": "warmup", "loops": 1, "seconds": 0.2},
                {"phase": "value", "loops": 1, "seconds": 0.1},
                {"phase": "value", "loops": 1, "seconds": 0.1}]
        cells = {"pypy3": dict(ok_cell(0.3, 0.1), runs=runs),
                 "pyvm": {"ok": False, "error": "x"}}
        self.assertEqual(table.warmup_lines(cells, ["pypy3", "pyvm"]),
                         "- pypy3 runs: 300 ms, 200 ms | 100 ms, 100 ms")


class ProgramsTest(unittest.TestCase):
    def test_edits_must_match_exactly_once(self):
        self.assertEqual(programs.apply_edits("N = 9\n", [("N = 9", "N = 7")]),
                         "N = 7\n")
        with self.assertRaises(RuntimeError):
            programs.apply_edits("N = 8\n", [("N = 9", "N = 7")])
        with self.assertRaises(RuntimeError):
            programs.apply_edits("N = 9; N = 9", [("N = 9", "N = 7")])

    def test_bench_names_and_groups(self):
        self.assertEqual(programs.expand_names("go,nbody"), ["nbody", "go"])
        core = programs.expand_names("core")
        self.assertEqual(len(core), 8)
        self.assertTrue(all(name not in programs.IMPORTS or
                            programs.IMPORTS[name] == "math" for name in core))
        self.assertEqual(len(programs.expand_names("all,core")), 12)
        with self.assertRaises(ValueError):
            programs.expand_names("nbody,pystone")

    def test_size_args(self):
        self.assertEqual(programs.size_args("raytrace", "full"), [])
        self.assertIn("--width", programs.size_args("raytrace", "quick"))
        self.assertEqual(programs.size_args("richards", "tiny"), [])

    def test_tiny_edits_apply_to_the_downloaded_programs(self):
        cache = programs.default_cache_dir()
        paths = {name: programs.program_path(cache, name)
                 for name in programs.TINY_EDITS}
        if not all(os.path.isfile(path) for path in paths.values()):
            self.skipTest("programs not downloaded yet (run bench/run.py once); "
                          "the test needs no network by design")
        for name, path in paths.items():
            with open(path) as source:
                programs.apply_edits(source.read(), programs.TINY_EDITS[name])


class InstallTest(unittest.TestCase):
    """ensure_pypy's decisions, with which/geteuid/apt-get replaced."""

    def patch(self, which, euid, apt_status=0, installs=False):
        calls = []
        installed = []

        def fake_which(name):
            if name == "pypy3":
                return "/usr/bin/pypy3" if installed else which.get(name)
            return which.get(name)

        def fake_run(argv, env=None):
            calls.append(argv)
            if installs:
                installed.append(True)

            class Done:
                returncode = apt_status
            return Done()

        saved = (run.shutil.which, run.os.geteuid, run.subprocess.run)
        run.shutil.which, run.os.geteuid, run.subprocess.run = (
            fake_which, lambda: euid, fake_run)
        self.addCleanup(self.restore, saved)
        return calls

    def restore(self, saved):
        run.shutil.which, run.os.geteuid, run.subprocess.run = saved

    def test_present_pypy_is_left_alone(self):
        calls = self.patch({"pypy3": "/usr/bin/pypy3"}, euid=0)
        self.assertIsNone(run.ensure_pypy(log=lambda _: None))
        self.assertEqual(calls, [])

    def test_not_root_skips_with_a_reason(self):
        calls = self.patch({"apt-get": "/usr/bin/apt-get"}, euid=1000)
        self.assertIn("not running as root", run.ensure_pypy(log=lambda _: None))
        self.assertEqual(calls, [])

    def test_root_installs_with_apt_get(self):
        calls = self.patch({"apt-get": "/usr/bin/apt-get"}, euid=0, installs=True)
        self.assertIsNone(run.ensure_pypy(log=lambda _: None))
        self.assertEqual(calls, [["apt-get", "install", "-y", "pypy3"]])

    def test_failed_install_is_reported(self):
        self.patch({"apt-get": "/usr/bin/apt-get"}, euid=0, apt_status=100)
        self.assertIn("failed (status 100)", run.ensure_pypy(log=lambda _: None))


class HarnessEndToEndTest(unittest.TestCase):
    def setUp(self):
        self.workdir = tempfile.mkdtemp(prefix="bench-test-")
        self.program = os.path.join(self.workdir, "run_fake.py")
        with open(self.program, "w") as out:
            out.write(FAKE_PROGRAM)
        self.python = run.Interpreter("cpython", [sys.executable])

    def tearDown(self):
        for name in os.listdir(self.workdir):
            os.remove(os.path.join(self.workdir, name))
        os.rmdir(self.workdir)

    def test_run_benchmark_gives_a_cell_with_every_measure(self):
        cell = run.run_benchmark(self.python, "fake", self.program,
                                 (0.001, 1, 3), ["--size", "50"], 60,
                                 self.workdir)
        self.assertTrue(cell["ok"], cell)
        self.assertEqual(len(cell["values"]), 3)
        self.assertEqual(cell["runs"][0]["loops"], 1)
        self.assertGreater(cell["median"], 0)
        self.assertGreater(cell["wall"], cell["median"])
        self.assertGreater(cell["max_rss_kib"], 1000)
        self.assertGreaterEqual(cell["calls"], 5)

    def test_peak_rss_is_the_childs_own_not_the_harness_image(self):
        # The harness grows far beyond the child; the child's own VmHWM
        # must not inherit that (ru_maxrss would).
        ballast = bytearray(96 << 20)
        for i in range(0, len(ballast), 4096):
            ballast[i] = 1
        cell = run.run_benchmark(self.python, "fake", self.program,
                                 (0.001, 1, 3), ["--size", "50"], 60,
                                 self.workdir)
        startup = run.measure_startup(self.python, 2, 60)
        del ballast
        self.assertTrue(cell["ok"], cell)
        self.assertLess(cell["max_rss_kib"], 90 * 1024)
        self.assertTrue(startup["ok"], startup)
        self.assertLess(startup["max_rss_kib"], 90 * 1024)
        self.assertGreater(startup["max_rss_kib"], 1000)

    def test_cpu_clock_ignores_time_spent_sleeping(self):
        saved = dict(os.environ)
        self.addCleanup(lambda: (os.environ.clear(), os.environ.update(saved)))
        os.environ["FAKE_SLEEP"] = "0.05"
        cells = {}
        for clock in ("wall", "cpu"):
            cells[clock] = run.run_benchmark(
                self.python, "fake", self.program, (0.001, 0, 2), ["--size", "10"],
                60, self.workdir, clock=clock)
            self.assertTrue(cells[clock]["ok"], cells[clock])
        self.assertGreaterEqual(cells["wall"]["median"], 0.05)
        self.assertLess(cells["cpu"]["median"], 0.025)
        self.assertLess(cells["cpu"]["cpu"], cells["cpu"]["wall"])

    def test_failing_program_becomes_a_fails_cell(self):
        cell = run.run_benchmark(self.python, "fake", self.program,
                                 (0.001, 1, 3), ["--size", "notanumber"], 60,
                                 self.workdir)
        self.assertFalse(cell["ok"])
        self.assertIn("invalid int value", cell["error"])
        text = table.benchmark_table({"cpython": cell}, ["cpython"], "cpython")
        self.assertIn("fails: ", text)

    def test_check_compares_stdout_and_results(self):
        reference = run.check_once(self.python, "fake", self.program,
                                   ["--size", "10"], 60, self.workdir)
        self.assertEqual(reference["result"], "45")
        same = run.check_once(self.python, "fake", self.program,
                              ["--size", "10"], 60, self.workdir)
        self.assertEqual(run.compare_outputs(reference, same), "same")
        other = run.check_once(self.python, "fake", self.program,
                               ["--size", "11"], 60, self.workdir)
        self.assertEqual(run.compare_outputs(reference, other),
                         "differs: result 55 != 45")
        printed = dict(same, stdout="size 10\n")
        self.assertEqual(run.compare_outputs(reference, printed),
                         "differs: stdout")
        changed = dict(same, globals={"STATE": "[21]"})
        self.assertEqual(run.compare_outputs(
            dict(reference, globals={"STATE": "[20]"}), changed),
            "differs: global STATE")

    def test_record_globals_reads_main_module_state(self):
        handle, out = tempfile.mkstemp(suffix=".jsonl")
        os.close(handle)
        self.addCleanup(os.remove, out)
        env = run.child_env(out, record_globals="STATE,NOPE")
        result = child.run_child(
            [sys.executable, self.program, "--loops", "2", "--values", "1",
             "--warmups", "0", "--size", "3", "-q"], env=env, timeout=60)
        self.assertTrue(result.ok, result.stderr)
        [record] = run.read_records(out)
        self.assertEqual(record["globals"],
                         {"STATE": "[6, 6]", "NOPE": "'<missing global>'"})

    def test_child_env_lets_interpreters_keep_their_bytecode_cache(self):
        saved = os.environ.get("PYTHONDONTWRITEBYTECODE")
        os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
        try:
            env = run.child_env()
        finally:
            if saved is None:
                del os.environ["PYTHONDONTWRITEBYTECODE"]
            else:
                os.environ["PYTHONDONTWRITEBYTECODE"] = saved
        self.assertNotIn("PYTHONDONTWRITEBYTECODE", env)
        self.assertEqual(env["PYTHONPATH"], run.PYPERF_DIR)

    def test_records_come_on_stderr_without_open(self):
        saved = dict(os.environ)
        self.addCleanup(lambda: (os.environ.clear(), os.environ.update(saved)))
        os.environ["FAKE_NO_OPEN"] = "1"
        cell = run.run_benchmark(self.python, "fake", self.program,
                                 (0.001, 0, 2), ["--size", "10"], 60,
                                 self.workdir)
        self.assertTrue(cell["ok"], cell)
        self.assertEqual(len(cell["values"]), 2)
        self.assertFalse(os.path.exists(os.path.join(self.workdir, "fake.jsonl")))

    def test_bundled_program_needs_no_import_of_pyperf(self):
        with open(os.path.join(HERE, "pyperf", "pyperf.py")) as source:
            bundled = programs.bundle_source(FAKE_PROGRAM, source.read())
        self.assertEqual(len(bundled.splitlines()), len(FAKE_PROGRAM.splitlines()))
        path = os.path.join(self.workdir, "bundled.py")
        with open(path, "w") as out:
            out.write(bundled)
        out_path = os.path.join(self.workdir, "bundled.jsonl")
        env = dict(os.environ, PYVM_BENCH_OUT=out_path,
                   PYVM_BENCH_RECORD_RESULT="1")
        env.pop("PYTHONPATH", None)
        result = child.run_child(
            [sys.executable, "-I", path, "--loops", "1", "--values", "2",
             "--warmups", "0", "--size", "4"], env=env, timeout=60)
        self.assertTrue(result.ok, result.stderr)
        [record] = run.read_records(out_path)
        self.assertEqual(record["result"], "6")
        with self.assertRaises(RuntimeError):
            programs.bundle_source("print(1)\n", "")

    def run_main(self, argv):
        saved = programs.fetch_programs
        programs.fetch_programs = lambda names, cache_dir, log: {
            name: self.program for name in names}
        self.addCleanup(setattr, programs, "fetch_programs", saved)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = run.main(argv)
        return status, out.getvalue()

    def test_main_prints_tables_and_writes_json(self):
        json_path = os.path.join(self.workdir, "report.json")
        status, text = self.run_main(
            ["--bench", "richards", "--python", sys.executable,
             "--python", "other=" + sys.executable, "--python", "/nonexistent/pyvm",
             "--values", "2", "--warmups", "0", "--min-time", "0.001",
             "--startup-runs", "2", "--json", json_path])
        self.assertEqual(status, 0)
        self.assertIn("# pyperformance 1.14.0 programs, full sizes, cpu clock", text)
        self.assertIn("- pyvm: `/nonexistent/pyvm` (unusable: not found:", text)
        self.assertIn("## start-up (`-c pass`)", text)
        self.assertIn("## richards", text)
        self.assertIn("| pyvm | fails: not found: /nonexistent/pyvm |", text)
        self.assertIn("- other runs: ", text)
        self.assertIn("| geometric mean of ratios | 1.00x |", text)
        with open(json_path) as report:
            data = json.load(report)
        label = os.path.basename(sys.executable)
        self.assertEqual(data["baseline"], label)
        self.assertEqual(data["settings"]["clock"], "cpu")
        cell = data["benchmarks"]["richards"]["other"]
        self.assertEqual(len(cell["values"]), 2)
        self.assertEqual(data["startup"][label]["ok"], True)

    def test_main_check_exit_status(self):
        status, text = self.run_main(["--check", "--bench", "go", "--python",
                                      sys.executable, "--python",
                                      "/nonexistent/pyvm"])
        self.assertEqual(status, 1)
        self.assertIn("| go | reference, result 499500 | fails: not found:", text)
        status, _ = self.run_main(["--check", "--bench", "go", "--python",
                                   sys.executable, "--python",
                                   "again=" + sys.executable])
        self.assertEqual(status, 0)

    def test_sizes_choose_repetitions_and_timeouts(self):
        self.assertEqual(run.parse_args([]).timeout, 600.0)
        tiny = run.parse_args(["--tiny", "--quick"])
        self.assertEqual((tiny.size, tiny.timeout), ("tiny", 120.0))
        quick = run.parse_args(["--quick", "--timeout", "5", "--bench", "core"])
        self.assertEqual((quick.size, quick.timeout), ("quick", 5.0))
        self.assertEqual(len(quick.benchmarks), 8)

    def test_interpreter_specs_and_address_normalization(self):
        interp = run.parse_interpreter("target/release/pyvm", jit_off=True)
        self.assertEqual(interp.argv, ["target/release/pyvm", "-X", "jit=off"])
        self.assertEqual(interp.label, "pyvm -X jit=off")
        named = run.parse_interpreter("nojit=./pyvm -X jit=off")
        self.assertEqual((named.label, named.argv),
                         ("nojit", ["./pyvm", "-X", "jit=off"]))
        self.assertEqual(run.parse_interpreter("python3", jit_off=True).argv,
                         ["python3"])
        stress = run.parse_interpreter(
            "gc=env PYVM_GC_STRESS=100 target/release/pyvm -B", jit_off=True)
        self.assertEqual((stress.label, stress.argv), (
            "gc", ["env", "PYVM_GC_STRESS=100", "target/release/pyvm",
                   "-X", "jit=off", "-B"]))
        self.assertEqual(run.normalize_result("<P object at 0x7f3a>"),
                         "<P object at 0x?>")


if __name__ == "__main__":
    unittest.main()
