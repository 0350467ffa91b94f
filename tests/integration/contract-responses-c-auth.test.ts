/** Documented responses of identity (/auth/), the job-queue operations (/ops/) and the health routes. */
import { afterAll } from 'vitest';
import { stopJobs } from '@/lib/server/jobs/queue';
import { contractSuite } from '../helpers/contract';
import { cases, fixture } from './contract/c-auth.cases';

afterAll(async () => {
  await stopJobs();
});

contractSuite('c-auth', cases, fixture);
