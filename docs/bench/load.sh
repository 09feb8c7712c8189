#!/usr/bin/env bash
# Load figures of docs/PERFORMANCE.md: the property-list server function, the SSR planning shell and
# the quote endpoint, wrk on loopback, 10 s, 50 connections, 2 threads, against the release build with the demo organisation.
#   docs/bench/load.sh sqlite
#   BENCH_POSTGRES_URL=postgres://saison:saison@127.0.0.1:5432/saison docs/bench/load.sh postgres
# Run from the repository root after `cargo leptos build --release`.
set -euo pipefail
backend="${1:-sqlite}"
port=3200
source "$(dirname "$0")/saison.sh"
bench_database "$backend"
bench_serve "$port" SAISON_DEMO=true
bench_log_in "$port" demo@saison.test demo-saison

echo "== $backend: POST /api/list_properties (6 properties, 60 bookings)"
wrk -t2 -c50 -d10s --latency -s "$here/post_json.lua" -H "Cookie: saison_session=$cookie" \
  "http://127.0.0.1:$port/api/list_properties"
# The first property priced by the demo's rate plan (seasons, weekly price, tax, flat fee, discounts).
property=$(curl -s -X POST -H 'content-type: application/json' -d '{}' -H "Cookie: saison_session=$cookie" \
  "http://127.0.0.1:$port/api/list_properties" \
  | python3 -c 'import json,sys; print(next(p["id"] for p in json.load(sys.stdin) if p["rate_plan_name"]))')
year=$(date +%Y)
echo "== $backend: GET /api/quote (14 nights across the summer seasons, 4 adults + 2 children)"
wrk -t2 -c50 -d10s --latency -H "Cookie: saison_session=$cookie" \
  "http://127.0.0.1:$port/api/quote?property=$property&arrival=$year-07-25&departure=$year-08-08&adults=4&children=2"
echo "== $backend: GET / (SSR planning shell, logged in)"
wrk -t2 -c50 -d10s --latency -H "Cookie: saison_session=$cookie" -H "Accept: text/html" "http://127.0.0.1:$port/"
