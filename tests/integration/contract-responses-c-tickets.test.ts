/** The help desk's ticket operations (001, 003, 004), CSAT feedback and the hdts health check. */
import { afterAll, vi } from 'vitest';

// Uploaded files go to a private folder of this run (env is read when the modules load).
vi.hoisted(() => {
  process.env.ATTACHMENT_DIR = require('node:fs').mkdtempSync(
    require('node:path').join(require('node:os').tmpdir(), 'sb-contract-'),
  );
});

import { stopJobs } from '@/lib/server/jobs/queue';
import { contractSuite } from '../helpers/contract';
import { cases, fixture } from './contract/c-tickets.cases';

contractSuite('c-tickets', cases, fixture);
afterAll(() => stopJobs());
