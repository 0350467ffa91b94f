#!/usr/bin/env bash
# npm test: unit + integration (vitest, fresh embedded PostgreSQL), then e2e (production build + Playwright).
# Both suites always run; the exit code is non-zero if either failed.
set -u
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
npm run --silent test:unit
unit=$?
npm run --silent test:e2e
e2e=$?
[ "$unit" -eq 0 ] && [ "$e2e" -eq 0 ]
