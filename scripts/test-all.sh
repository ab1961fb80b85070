#!/usr/bin/env bash
# Every Opsdeck test: types, security lint, build, unit + integration (vitest,
# with a real keychain), then the browser and desktop end-to-end tests (Playwright).
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/unit.json reports/e2e.json

step() { printf '\n== %s\n' "$1"; }
failed=()

node scripts/ensure-native.mjs node || failed+=(native-modules)
step 'type check' && { npm run --silent typecheck || failed+=(typecheck); }
step 'security lint (electronegativity)' && { npm run --silent lint:security || failed+=(lint:security); }
step 'build' && { npm run --silent build || { failed+=(build); }; }

step 'unit and integration tests (vitest)'
bash scripts/with-keyring.sh npx vitest run --reporter=default --reporter=json --outputFile.json=reports/unit.json || failed+=(vitest)

step 'end-to-end tests (Playwright: serve mode in Chromium, desktop in Electron)'
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
  xvfb-run -a npx playwright test || failed+=(e2e)
else
  npx playwright test || failed+=(e2e)
fi

node scripts/test-summary.mjs reports/unit.json reports/e2e.json || failed+=(summary)
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed steps: ${failed[*]}"
  exit 1
fi
