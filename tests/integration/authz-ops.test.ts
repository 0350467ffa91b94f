/**
 * Authorization matrix of the job-queue operations (/ops/api/queues/…): administrators of either system only.
 * Refused calls leave pg-boss's job table (and the audit log) unchanged (checked by runMatrix).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import * as replayRoute from '@/app/(api)/ops/api/queues/dead-letters/[id]/replay/route';
import * as discardRoute from '@/app/(api)/ops/api/queues/dead-letters/[id]/route';
import * as replayAllRoute from '@/app/(api)/ops/api/queues/dead-letters/replay-all/route';
import * as deadLettersRoute from '@/app/(api)/ops/api/queues/dead-letters/route';
import * as failedRoute from '@/app/(api)/ops/api/queues/failed/route';
import * as queuesRoute from '@/app/(api)/ops/api/queues/route';
import { stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { runMatrix } from '../helpers/matrix';

beforeAll(async () => {
  await startJobs({ workers: false });
});
afterAll(async () => {
  await stopJobs();
});

const TABLES = ['pgboss.job', 'audit.audit_log'];
const ADMINS = { anonymous: 401, admin: 200, otherwise: 403 } as const;
/** A dead letter that does not exist: admins learn that (404), everyone else is refused first. */
const ADMINS_ON_MISSING = { anonymous: 401, admin: 404, otherwise: 403 } as const;
const missing = () => ({ params: { id: randomUUID() } });

describe('authorization matrix: /ops/api/queues', () => {
  runMatrix([
    { name: 'queue depths', route: queuesRoute, method: 'GET', path: '/ops/api/queues/', expect: ADMINS, tables: TABLES },
    { name: 'failed jobs', route: failedRoute, method: 'GET', path: '/ops/api/queues/failed/', expect: ADMINS, tables: TABLES },
    {
      name: 'dead letters',
      route: deadLettersRoute,
      method: 'GET',
      path: '/ops/api/queues/dead-letters/',
      expect: ADMINS,
      tables: TABLES,
    },
    {
      name: 'replay every dead letter of a queue without any',
      route: replayAllRoute,
      method: 'POST',
      path: '/ops/api/queues/dead-letters/replay-all/',
      options: { body: { queue: 'matrix.no-such-queue' } },
      expect: ADMINS,
      tables: TABLES,
    },
    {
      name: 'replay one dead letter',
      route: replayRoute,
      method: 'POST',
      path: '/ops/api/queues/dead-letters/{id}/replay/',
      options: missing,
      expect: ADMINS_ON_MISSING,
      tables: TABLES,
    },
    {
      name: 'discard one dead letter',
      route: discardRoute,
      method: 'DELETE',
      path: '/ops/api/queues/dead-letters/{id}/',
      options: missing,
      expect: ADMINS_ON_MISSING,
      tables: TABLES,
    },
  ]);
});
