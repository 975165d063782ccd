#!/usr/bin/env bash
# Compile-speed benchmark: pyvm-bytecode (release) vs CPython's compile()
# over every .py file of the CPython 3.11 standard library. Files are read
# into memory first; only compilation is timed. Prints the median of
# RUNS runs for each and the ratio.
#
#   bytecode/scripts/bench_compile.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/work/targets/bytecode}
cargo build --release -q -p pyvm-bytecode --bin pyvm-compile
bin="$CARGO_TARGET_DIR/release/pyvm-compile"
stdlib=$(python3 -c "import sysconfig; print(sysconfig.get_path('stdlib'))")
list=$(mktemp)
trap 'rm -f "$list"' EXIT
find "$stdlib" -name '*.py' | sort > "$list"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
pyvm_times=$(for _ in $(seq "$runs"); do "$bin" --time < "$list" | cut -d' ' -f1; done)
cpy_times=$(for _ in $(seq "$runs"); do python3 -W ignore -c '
import sys, time
paths = [p for p in sys.stdin.read().split("\n") if p]
srcs = []
for p in paths:
    with open(p, "rb") as f:
        srcs.append((p, f.read()))
t = time.perf_counter()
for p, b in srcs:
    try:
        compile(b, p, "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        pass
print(f"{time.perf_counter() - t:.3f}")
' < "$list"; done)
files=$(wc -l < "$list")
p=$(echo "$pyvm_times" | median)
c=$(echo "$cpy_times" | median)
echo "files: $files, runs: $runs"
echo "pyvm-bytecode median: ${p}s  (runs: $(echo $pyvm_times))"
echo "CPython compile() median: ${c}s  (runs: $(echo $cpy_times))"
awk -v p="$p" -v c="$c" 'BEGIN { printf "ratio CPython/pyvm: %.2fx\n", c / p }'
