#!/usr/bin/env bash
# Planning figures of docs/PERFORMANCE.md under load: the `planning` server function for the
# measurement organisation (200 properties, ≈ 16,400 bookings over a year: `server measure-data`), for the
# default view (2 months) and the 12-month view, wrk on loopback, 10 s, 2 threads, 16 connections.
#   docs/bench/planning.sh sqlite
#   BENCH_POSTGRES_URL=postgres://saison:saison@127.0.0.1:5432/saison docs/bench/planning.sh postgres
# Run from the repository root after `cargo leptos build --release`.
set -euo pipefail
backend="${1:-sqlite}"
bin="${SAISON_BIN:-${CARGO_TARGET_DIR:-target}/release/server}"
port=3203
work=$(mktemp -d)
case "$backend" in
  sqlite) url="sqlite://$work/saison.db" ;;
  postgres)
    admin="${BENCH_POSTGRES_URL:?set BENCH_POSTGRES_URL to a PostgreSQL URL whose user may create databases}"
    name="saison_bench_$(date +%s)"
    psql "$admin" -qc "CREATE DATABASE $name"
    url="${admin%/*}/$name" ;;
  *) echo "usage: $0 sqlite|postgres"; exit 2 ;;
esac

RUST_LOG=warn DATABASE_URL="$url" "$bin" measure-data
RUST_LOG=warn DATABASE_URL="$url" SAISON_ADDRESS="127.0.0.1:$port" "$bin" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

curl -s -o /dev/null -c "$work/jar" -H 'content-type: application/json' \
  -d '{"form":{"email":"mesures@saison.test","password":"mesures-saison"}}' "http://127.0.0.1:$port/api/login"
cookie=$(awk '$6 == "saison_session" { print $7 }' "$work/jar")
[ -n "$cookie" ] || { echo "login failed"; cat "$work/server.log"; exit 1; }
here=$(dirname "$0")
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
