#!/usr/bin/env bash
# Runs the browser tests against the already built Saison (`cargo leptos build` first).
# Extra arguments go to `playwright test`.
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules ] || PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
exec npx playwright test "$@"
