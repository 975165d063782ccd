#!/usr/bin/env bash
# Compile-speed benchmark: pyvm-bytecode (release) vs CPython's compile()
# over every .py file under CPython 3.11's stdlib directory. Files are read
# into memory first; only compilation is measured, as process CPU time
# (user+system; robust on a shared machine) and wall time. Prints the
# median of RUNS runs for each and the ratios.
#
#   bytecode/scripts/bench_compile.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/work/targets/bytecode}
cargo build --release -q -p pyvm-bytecode --bin pyvm-compile
bin="$CARGO_TARGET_DIR/release/pyvm-compile"
stdlib=$(python3 -c "import sysconfig; print(sysconfig.get_path('stdlib'))")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find "$stdlib" -name '*.py' | sort > "$tmp/list"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for _ in $(seq "$runs"); do
    "$bin" --time < "$tmp/list" >> "$tmp/pyvm"
    python3 -W ignore -c '
import sys, time
paths = [p for p in sys.stdin.read().split("\n") if p]
srcs = []
for p in paths:
    with open(p, "rb") as f:
        srcs.append((p, f.read()))
t, c = time.perf_counter(), time.process_time()
for p, b in srcs:
    try:
        compile(b, p, "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        pass
print(f"{time.process_time() - c:.3f} {time.perf_counter() - t:.3f}")
' < "$tmp/list" >> "$tmp/cpython"
done
files=$(wc -l < "$tmp/list")
pc=$(cut -d' ' -f1 "$tmp/pyvm" | median); pw=$(cut -d' ' -f2 "$tmp/pyvm" | median)
cc=$(cut -d' ' -f1 "$tmp/cpython" | median); cw=$(cut -d' ' -f2 "$tmp/cpython" | median)
echo "files: $files, runs: $runs (alternating)"
echo "| compiler | CPU s (median) | wall s (median) |"
echo "|---|---|---|"
echo "| pyvm-bytecode | $pc | $pw |"
echo "| CPython 3.11 compile() | $cc | $cw |"
awk -v p="$pc" -v c="$cc" -v pw="$pw" -v cw="$cw" \
    'BEGIN { printf "| ratio CPython/pyvm | %.2fx | %.2fx |\n", c / p, cw / pw }'
