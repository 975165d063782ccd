#!/usr/bin/env bash
# Whole-stdlib verdict check with the release binary: prints the file count,
# CPython's SyntaxError count and every file whose verdict differs.
#
#   bytecode/scripts/stdlib_verdicts.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/work/targets/bytecode}
cargo build --release -q -p pyvm-bytecode --bin pyvm-compile
bin="$CARGO_TARGET_DIR/release/pyvm-compile"
stdlib=$(python3 -c "import sysconfig; print(sysconfig.get_path('stdlib'))")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find "$stdlib" -name '*.py' | sort > "$tmp/list"
python3 -W ignore bytecode/scripts/cpython_verdicts.py < "$tmp/list" > "$tmp/cpython"
"$bin" --verdicts < "$tmp/list" > "$tmp/pyvm"
echo "files: $(wc -l < "$tmp/list"), CPython SyntaxErrors: $(grep -vc $'\tok$' "$tmp/cpython" || true)"
if diff "$tmp/cpython" "$tmp/pyvm" > "$tmp/diff"; then
    echo "mismatches: 0"
else
    echo "mismatches: $(grep -c '^<' "$tmp/diff")"
    cat "$tmp/diff"
    exit 1
fi
