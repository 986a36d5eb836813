#!/bin/sh
# A longer load run of `zonegraph serve`: several clients run the saved
# queries over HTTP on loopback, bounded in count and time, and the run
# reports throughput, p50/p95 latency and errors (there must be none).
#
#   bench/load.sh                       # 8 clients, up to 200 rounds or 60 s, fixture store
#   CLIENTS=16 ROUNDS=1000 DURATION=120 STORE=zonegraph.db bench/load.sh
#
# It runs the ignored test `load::long_run` of tests/serve.rs.
set -eu
cd "$(dirname "$0")/.."
export ZONEGRAPH_LOAD_CLIENTS="${CLIENTS:-8}"
export ZONEGRAPH_LOAD_ROUNDS="${ROUNDS:-200}"
export ZONEGRAPH_LOAD_SECONDS="${DURATION:-60}"
if [ -n "${STORE:-}" ]; then
  ZONEGRAPH_LOAD_STORE="$(cd "$(dirname "$STORE")" && pwd)/$(basename "$STORE")"
  export ZONEGRAPH_LOAD_STORE
fi
exec cargo test --release --test serve -- --ignored long_run --nocapture
