/** npm run bench: every benchmark in its own process (fresh database each), figures printed. */
import { spawnSync } from 'node:child_process';

const BENCHES = [
  'tests/bench/pipeline.ts',
  'tests/bench/fanout.ts',
  'tests/bench/knowledge.ts',
  'tests/bench/sla-monitor.ts',
  'tests/bench/reports.ts',
  'tests/bench/http.ts',
  'tests/bench/mixed.ts',
];
let failed = 0;
for (const file of BENCHES) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit', env: process.env });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
