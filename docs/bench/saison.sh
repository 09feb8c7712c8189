# Sourced by the load scripts: a fresh database for the backend in $1 (sqlite, or postgres on
# BENCH_POSTGRES_URL), the release server started on it, and a logged-in session cookie.
#   bench_database sqlite|postgres   sets $url (and $work, a temporary folder removed at exit)
#   bench_serve PORT [ENV=VALUE…]    starts "$bin" on $url, waits for /healthz
#   bench_log_in PORT EMAIL PASSWORD sets $cookie
bin="${SAISON_BIN:-${CARGO_TARGET_DIR:-target}/release/server}"
here=$(dirname "${BASH_SOURCE[0]}")

bench_database() {
  work=$(mktemp -d)
  case "$1" in
    sqlite) url="sqlite://$work/saison.db" ;;
    postgres)
      local admin="${BENCH_POSTGRES_URL:?set BENCH_POSTGRES_URL to a PostgreSQL URL whose user may create databases}"
      local name="saison_bench_$(date +%s)"
      psql "$admin" -qc "CREATE DATABASE $name"
      url="${admin%/*}/$name" ;;
    *) echo "usage: $0 sqlite|postgres"; exit 2 ;;
  esac
}

bench_serve() {
  local port=$1; shift
  env RUST_LOG=warn DATABASE_URL="$url" SAISON_ADDRESS="127.0.0.1:$port" "$@" "$bin" > "$work/server.log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
}

bench_log_in() {
  curl -s -o /dev/null -c "$work/jar" -H 'content-type: application/json' \
    -d "{\"form\":{\"email\":\"$2\",\"password\":\"$3\"}}" "http://127.0.0.1:$1/api/login" \
    || { echo "login failed"; cat "$work/server.log"; exit 1; }
  cookie=$(awk '$6 == "saison_session" { print $7 }' "$work/jar")
  [ -n "$cookie" ] || { echo "login failed"; cat "$work/server.log"; exit 1; }
}
