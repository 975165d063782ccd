"""Run one child process and measure it on its own: wall time and peak RSS.

Each child is reaped with ``os.wait4``, whose resource usage belongs to that
child alone (and to the grandchildren it waited for), so peak RSS is never
mixed up between runs the way ``RUSAGE_CHILDREN`` maxima would be.
"""

import os
import subprocess
import tempfile
import threading
import time


class ChildResult:
    """Outcome of one child process.

    ``returncode`` follows ``subprocess`` (negative for a signal), ``wall`` is
    seconds from spawn to reaping, ``max_rss_kib`` the peak resident set size
    in KiB (Linux ``ru_maxrss``), ``cpu`` its user plus system CPU seconds,
    ``timed_out`` whether the timeout killed it.
    ``error`` is set when the program could not be started at all.
    """

    def __init__(self, returncode, stdout, stderr, wall, max_rss_kib,
                 timed_out=False, error=None, cpu=None):
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr
        self.wall = wall
        self.max_rss_kib = max_rss_kib
        self.timed_out = timed_out
        self.error = error
        self.cpu = cpu

    @property
    def ok(self):
        """Whether the child started, finished in time and exited with 0."""
        return self.error is None and not self.timed_out and self.returncode == 0

    def failure_line(self):
        """One line saying why the child failed, for a ``fails: ...`` cell."""
        if self.error is not None:
            return self.error
        if self.timed_out:
            return "timeout after %.0f s" % self.wall
        return first_error_line(self.stderr, self.returncode)


def first_error_line(stderr, returncode):
    """The line of ``stderr`` that names the error.

    For a Python traceback that is the exception line (the last line that is
    not indented); otherwise the first line that mentions an error (argparse
    prints its usage first); otherwise the first non-empty line; otherwise
    the exit status.
    """
    lines = [line.rstrip() for line in stderr.splitlines() if line.strip()]
    if any(line.startswith("Traceback (most recent call last)") for line in lines):
        for line in reversed(lines):
            if not line.startswith((" ", "\t")):
                return line
    for line in lines:
        if "error" in line.lower():
            return line
    if lines:
        return lines[0]
    if returncode is not None and returncode < 0:
        return "killed by signal %d" % -returncode
    return "exit status %s" % returncode


def run_child(argv, env=None, cwd=None, timeout=None):
    """Run ``argv`` to completion and return a :class:`ChildResult`.

    stdout and stderr go to temporary files (no pipe can fill up); stdin is
    ``/dev/null``.  On timeout the child is killed and reaped.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out,
                                    stderr=err, env=env, cwd=cwd)
        except OSError as exc:
            return ChildResult(None, "", "", 0.0, None,
                               error="cannot start %s: %s" % (argv[0], exc.strerror))
        timed_out = []

        def kill():
            timed_out.append(True)
            try:
                proc.kill()
            except OSError:
                pass

        timer = None
        if timeout is not None:
            timer = threading.Timer(timeout, kill)
            timer.daemon = True
            timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            if timer is not None:
                timer.cancel()
        wall = time.perf_counter() - start
        # Tell Popen the child is reaped so it never waits for it again.
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return ChildResult(
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            wall,
            usage.ru_maxrss,
            timed_out=bool(timed_out),
            cpu=usage.ru_utime + usage.ru_stime,
        )
