// Prints the closing line CI reads ("N passed, N failed") from the runners' JSON reports.
// A missing report counts as one failure: a runner that crashed must not look green.
import fs from 'node:fs';

let passed = 0;
let failed = 0;
const read = (f) => (fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')) : null);

// The house rules (npm run check: format, lint, typecheck) count as one check.
const check = read('reports/check.json');
if (check?.passed) passed += 1;
else {
  console.log(
    check ? 'npm run check failed (format, lint or typecheck)' : 'reports/check.json is missing (npm run check did not run)',
  );
  failed += 1;
}

const vitest = read('reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += (vitest.numFailedTests ?? 0) + (vitest.numFailedTestSuites ?? 0);
} else {
  console.log('reports/vitest.json is missing (unit/integration run did not finish)');
  failed += 1;
}
const pw = read('reports/playwright.json');
if (pw) {
  passed += (pw.stats?.expected ?? 0) + (pw.stats?.flaky ?? 0);
  failed += pw.stats?.unexpected ?? 0;
  if ((pw.errors ?? []).length) failed += pw.errors.length;
} else {
  console.log('reports/playwright.json is missing (e2e run did not finish)');
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
