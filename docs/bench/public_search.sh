#!/usr/bin/env bash
# Public booking figures of docs/PERFORMANCE.md (SPEC C10) under load: the public search page
# (server-rendered HTML, no session) of the measurement organisation with 500 listed homes and a year
# of bookings (`server measure-data --properties 500`), for 7 nights (a) just after that year, when
# every home is free and priced (the most work), and (b) inside it, when most homes are taken; and
# what the search and calendar pages transfer (brotli). wrk on loopback, 10 s, 2 threads,
# 32 connections; the rate limit is lifted for the measurement. The same search again and again is
# answered from the public pages' cache; `search_dates.lua` asks a different one each time (700
# arrival days from the first of this month: every one misses the cache, most homes are taken for the
# first 365 of them).
#   docs/bench/public_search.sh sqlite
#   BENCH_POSTGRES_URL=postgres://saison:saison@127.0.0.1:5432/saison docs/bench/public_search.sh postgres
# Run from the repository root after `cargo build --release -p server` (the public pages need no
# WebAssembly bundle).
set -euo pipefail
backend="${1:-sqlite}"
port=3204
source "$(dirname "$0")/saison.sh"
bench_database "$backend"
RUST_LOG=warn DATABASE_URL="$url" "$bin" measure-data --properties 500
# The planners' statistics, as in steady use: PostgreSQL's autovacuum takes them within a minute of
# the load; the server refreshes SQLite's when it starts (db/statistics.rs).
if [ "$backend" = postgres ]; then psql -q "$url" -c ANALYZE; fi
bench_serve "$port" SAISON_PUBLIC_REQUESTS_PER_MINUTE=100000000
bench_log_in "$port" mesures@saison.test mesures-saison
token=$(curl -s -H 'content-type: application/json' -H "Cookie: saison_session=$cookie" -d '{}' \
  "http://127.0.0.1:$port/api/public_site" | sed -E 's/.*"token":"([^"]+)".*/\1/')
first=$(date +%Y-%m-01)
for start in "$(date -d "$first + 370 days" +%F)" "$(date -d "$first + 60 days" +%F)"; do
  end=$(date -d "$start + 7 days" +%F)
  page="http://127.0.0.1:$port/public/$token/recherche?arrivee=$start&depart=$end&adultes=2"
  size=$(curl -s -o /dev/null -w '%{size_download}' -H 'accept-encoding: br' "$page")
  offers=$(curl -s "$page" | { grep -o 'data-testid="offer"' || true; } | wc -l)
  echo "== $backend: search $start → $end ($offers homes on the first page, $size bytes brotli)"
  echo "   the same search again and again (answered from the cache after the first)"
  wrk -t2 -c32 -d10s --latency -H 'accept-encoding: br' "$page"
  free_page="${free_page:-$page}"   # the first window's, where every home is free
done
echo "== $backend: a different search each time (700 arrival days in turn: the cache cannot answer)"
PREFIX="/public/$token/recherche" FIRST=$(date -u -d "$first" +%s) \
  wrk -t2 -c32 -d10s --latency -H 'accept-encoding: br' -s "$(dirname "$0")/search_dates.lua" "http://127.0.0.1:$port"
home=$(curl -s "$free_page" | grep -o 'logement=[0-9a-f-]*' | head -n 1 | cut -d= -f2)
calendar="http://127.0.0.1:$port/public/$token/calendrier/$home"
echo "== calendar page: $(curl -s -o /dev/null -w '%{size_download}' -H 'accept-encoding: br' "$calendar") bytes brotli, \
$(curl -s -o /dev/null -w '%{size_download}' "$calendar") bytes uncompressed"
wrk -t2 -c32 -d10s --latency -H 'accept-encoding: br' "$calendar"
