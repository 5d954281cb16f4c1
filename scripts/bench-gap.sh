#!/usr/bin/env bash
# Side-by-side benchmark of `corridor gap` against pm4py, polars and a floor, on generated CSV
# logs written to /tmp (see bench/gap_side_by_side.py for what each contestant does).
#
#   scripts/bench-gap.sh [--events 1000000,10000000] [--grouped] [--align-sample 10000]
#
# Builds the release CLI and the two examples it needs, and makes a Python venv with pm4py and
# polars (BENCH_VENV, /tmp/corridor-bench-venv by default) on the first run. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${BENCH_VENV:-/tmp/corridor-bench-venv}"
if ! "$VENV/bin/python" -c 'import pm4py, polars' 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet pm4py polars
fi
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (GNU time: apt-get install time)" >&2; exit 1; }
cargo build --quiet --release -p corridor-cli
cargo build --quiet --release -p corridor-core --example gap_scale
rustc --edition 2021 -C opt-level=3 -o target/release/csv_floor crates/core/examples/csv_floor.rs
exec "$VENV/bin/python" bench/gap_side_by_side.py "$@"
