#!/usr/bin/env bash
# Starts the built Saison for the browser tests on an empty SQLite database (Playwright's webServer).
#   SAISON_BIN        the server binary (default: $CARGO_TARGET_DIR/debug/server, or ../target/debug/server)
#   SAISON_SITE_ROOT  the built site with /pkg (default: ../target/site, where cargo-leptos writes it)
#   SAISON_E2E_PORT   the port to serve on (default 3100)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin="${SAISON_BIN:-${CARGO_TARGET_DIR:-$root/target}/debug/server}"
case "$bin" in /*) ;; *) bin="$root/$bin" ;; esac
data=$(mktemp -d /tmp/saison-e2e.XXXXXX)
export DATABASE_URL="sqlite://$data/saison.db"
export LEPTOS_SITE_ROOT="${SAISON_SITE_ROOT:-$root/target/site}"
export SAISON_ADDRESS=127.0.0.1:${SAISON_E2E_PORT:-3100}
# The sync tests serve platforms' calendars from 127.0.0.1 (refused by default).
export SAISON_SYNC_ALLOW_PRIVATE_HOSTS=true
export RUST_LOG="${RUST_LOG:-warn}"
unset SAISON_DEMO
exec "$bin"
