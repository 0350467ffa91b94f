#!/usr/bin/env bash
# npm test: the house rules (format, lint, typecheck), unit + integration (vitest, fresh embedded PostgreSQL),
# then e2e (production build + Playwright). Every stage always runs; the exit code is non-zero if any failed.
set -u
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p reports
npm run --silent check
check=$?
echo "{\"passed\": $([ "$check" -eq 0 ] && echo true || echo false)}" > reports/check.json
npm run --silent test:unit
unit=$?
npm run --silent test:e2e
e2e=$?
[ "$check" -eq 0 ] && [ "$unit" -eq 0 ] && [ "$e2e" -eq 0 ]
