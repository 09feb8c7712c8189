#!/usr/bin/env bash
# Planning figures of docs/PERFORMANCE.md under load: the `planning` server function for the
# measurement organisation (200 properties, ≈ 16,400 bookings over a year: `server measure-data`), for the
# default view (2 months) and the 12-month view, wrk on loopback, 10 s, 2 threads, 16 connections.
#   docs/bench/planning.sh sqlite
#   BENCH_POSTGRES_URL=postgres://saison:saison@127.0.0.1:5432/saison docs/bench/planning.sh postgres
# Run from the repository root after `cargo leptos build --release`.
set -euo pipefail
backend="${1:-sqlite}"
port=3203
source "$(dirname "$0")/saison.sh"
bench_database "$backend"
RUST_LOG=warn DATABASE_URL="$url" "$bin" measure-data
bench_serve "$port"
bench_log_in "$port" mesures@saison.test mesures-saison
first=$(date +%Y-%m-01)
for months in 2 12; do
  to=$(date -d "$first + $months months" +%F)
  export BODY="{\"from\":\"$first\",\"to\":\"$to\"}"
  size=$(curl -s -o /dev/null -w '%{size_download}' -H 'content-type: application/json' -H 'accept-encoding: br' \
    -H "Cookie: saison_session=$cookie" -d "$BODY" "http://127.0.0.1:$port/api/planning")
  echo "== $backend: POST /api/planning, $months months ($size bytes brotli)"
  wrk -t2 -c16 -d10s --latency -s "$here/planning_body.lua" -H "Cookie: saison_session=$cookie" \
    "http://127.0.0.1:$port/api/planning"
done
