/** The documented answers of knowledge, catalog, saved views and replies, messaging and notifications. */
import { afterAll, beforeAll } from 'vitest';
import { stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { contractSuite } from '../helpers/contract';
import { cases, fixture } from './contract/c-misc.cases';

beforeAll(async () => {
  await startJobs({ workers: false });
});
afterAll(async () => {
  await stopJobs();
});

contractSuite('c-misc', cases, fixture);
