import { createRequire } from 'node:module';
import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { JobDefinition } from '@/lib/domain/jobs';
import { PermanentJobError } from '@/lib/domain/jobs';
import { afterCommit, beforeCommit, type Tx } from '../db';
import { databaseUrl, env } from '../env';
import { logger } from '../logger';
import { JOBS } from './registry';

export const DEAD_LETTER_QUEUE = 'dead_letter';

interface JobsState {
  boss: PgBoss;
  jobs: JobDefinition[];
  started: Promise<void>;
  workerIds: Map<string, string[]>;
  workers: boolean;
}
const g = globalThis as unknown as { __switchboardJobs?: JobsState };

function queueOptions(job: Pick<JobDefinition, 'retry' | 'expireInSeconds'>) {
  const retry = job.retry ?? { limit: 0, delaySeconds: 0, backoff: false };
  return {
    retryLimit: retry.limit,
    retryDelay: retry.delaySeconds,
    retryBackoff: retry.backoff,
    expireInSeconds: job.expireInSeconds ?? 5,
  };
}

/**
 * pg-boss 10's worker loop calls complete()/fail() without awaiting them: while the database is down
 * (a restart) their rejections are unhandled and would end the process. Mark those promises handled
 * (callers that await still see the error); the job stays active, expires and is retried, and handlers
 * are idempotent.
 */
function guardWorkerSettlement() {
  const load = createRequire(import.meta.url);
  const Manager = load(['pg-boss', 'src', 'manager.js'].join('/')) as {
    prototype: Record<string, unknown> & { __settleGuarded?: boolean };
  };
  if (Manager.prototype.__settleGuarded) return;
  Manager.prototype.__settleGuarded = true;
  for (const method of ['complete', 'fail']) {
    const original = Manager.prototype[method] as (...args: unknown[]) => Promise<unknown>;
    Manager.prototype[method] = function (this: unknown, ...args: unknown[]) {
      const settled = original.apply(this, args);
      settled.catch((e: unknown) =>
        logger.warn(`job ${method} not recorded; the job will expire and run again`, { error: String(e) }),
      );
      return settled;
    };
  }
}

/** Start pg-boss in this process (idempotent). With `workers`, also start every registered worker. */
export function startJobs(opts: { workers: boolean; jobs?: JobDefinition[] }): Promise<void> {
  if (g.__switchboardJobs) return g.__switchboardJobs.started;
  if (opts.workers) guardWorkerSettlement();
  const boss = new PgBoss({
    connectionString: databaseUrl(),
    schema: 'pgboss',
    max: 10,
    supervise: opts.workers,
    schedule: opts.workers,
    // A killed worker's job is re-run within ~10 s: jobs expire after 5 s (see queueOptions) and
    // maintenance, which fails expired jobs into retry, runs every 2 s.
    maintenanceIntervalSeconds: 2,
    // Completed jobs move to the archive after an hour and are deleted after a week.
    archiveCompletedAfterSeconds: 3600,
    deleteAfterDays: 7,
  } as ConstructorParameters<typeof PgBoss>[0]);
  boss.on('error', (e) => logger.error('job queue error', { error: String(e) }));
  const jobs = opts.jobs ?? JOBS;
  const state: JobsState = { boss, jobs, workerIds: new Map(), workers: opts.workers, started: Promise.resolve() };
  state.started = (async () => {
    await boss.start();
    await boss.createQueue(DEAD_LETTER_QUEUE, { name: DEAD_LETTER_QUEUE, retryLimit: 0 });
    for (const job of jobs) await boss.createQueue(job.name, { name: job.name, ...queueOptions(job) });
    if (!opts.workers) return;
    for (const job of jobs) {
      let workerId = '';
      const batchSize = job.batchSize ?? env.JOB_BATCH_SIZE;
      const id = await boss.work(job.name, { batchSize, pollingIntervalSeconds: 0.5, includeMetadata: true }, async (jobs) => {
        // Jobs of a batch run concurrently; a failure fails only its own job.
        // Failed ones are marked failed (and retried by pg-boss); returning completes the rest.
        const results = await Promise.allSettled(jobs.map((j) => runJob(job, j.id, j.data, j.retryCount, j.retryLimit)));
        for (const [i, r] of results.entries()) {
          if (r.status === 'rejected') {
            const reason = r.reason instanceof Error ? r.reason.message : String(r.reason);
            // If even this fails (database down), the job expires and is retried.
            await boss.fail(job.name, jobs[i].id, { message: reason }).catch(() => {});
          }
        }
        // A full batch means more are waiting: fetch again at once instead of after the polling interval.
        if (jobs.length >= batchSize && workerId) setImmediate(() => g.__switchboardJobs?.boss.notifyWorker(workerId));
      });
      workerId = id;
      state.workerIds.set(job.name, [...(state.workerIds.get(job.name) ?? []), id]);
      if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
    }
  })();
  g.__switchboardJobs = state;
  return state.started;
}

/** A dead letter: the message, where it was going, and why it could not be delivered. */
export interface DeadLetter {
  queue: string;
  job_id: string;
  data: unknown;
  code: string;
  error: string;
  attempts: number;
}

async function runJob(job: JobDefinition, id: string, data: unknown, retryCount: number, retryLimit: number) {
  const boss = g.__switchboardJobs!.boss;
  const deadLetter = (code: string, error: string) =>
    boss.send(DEAD_LETTER_QUEUE, {
      queue: job.name,
      job_id: id,
      data,
      code,
      error,
      attempts: retryCount + 1,
    } satisfies DeadLetter);
  try {
    const parsed = job.schema.safeParse(data ?? {});
    if (!parsed.success) {
      throw new PermanentJobError(
        'INVALID_PAYLOAD',
        `Invalid payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    await job.handler(parsed.data, { id, retryCount });
  } catch (e) {
    if (e instanceof PermanentJobError) {
      // Retrying cannot help: record it in the dead-letter queue with the error and finish this job.
      logger.warn('job dead-lettered', { queue: job.name, id, code: e.code, error: e.message });
      await deadLetter(e.code, e.message);
      return;
    }
    const message = e instanceof Error ? e.message : String(e);
    logger.warn('job failed', { queue: job.name, id, retryCount, error: message });
    // Out of retries: the job ends failed and a copy waits in the dead-letter queue for replay.
    if (retryCount >= retryLimit) await deadLetter('RETRIES_EXHAUSTED', message);
    throw e;
  }
}

/** Send outside any transaction (replays, scheduled work). */
export async function sendJob(name: string, data: object): Promise<string | null> {
  await startJobs({ workers: false });
  const state = g.__switchboardJobs as JobsState;
  const def = state.jobs.find((j) => j.name === name);
  const id = await state.boss.send(name, data, def ? queueOptions(def) : {});
  wakeWorkers(name);
  return id;
}

export function registeredJobs(): JobDefinition[] {
  return g.__switchboardJobs?.jobs ?? JOBS;
}

export function jobsState(): JobsState | undefined {
  return g.__switchboardJobs;
}

export async function stopJobs(): Promise<void> {
  const s = g.__switchboardJobs;
  if (!s) return;
  g.__switchboardJobs = undefined;
  await s.started.catch(() => {});
  await s.boss.stop({ graceful: true, wait: true, timeout: 5000 });
}

const pendingInserts = new WeakMap<object, PgBoss.JobInsert[]>();

/**
 * Enqueue a job inside the caller's transaction: if the transaction rolls back, the job never existed.
 * Within transaction() the jobs of one transaction are buffered and written by a single INSERT just before
 * COMMIT; workers in this process are woken right after commit.
 */
export async function enqueue<S extends z.ZodType>(
  tx: Tx,
  job: { name: string; schema: S; retry?: JobDefinition['retry']; expireInSeconds?: number },
  payload: z.input<S>,
  opts: { singletonKey?: string; startAfter?: Date } = {},
): Promise<void> {
  await startJobs({ workers: false });
  // Validate at the producer too: a bad payload is a bug here, not a message to dead-letter later.
  const data = job.schema.parse(payload) as object;
  const q = queueOptions(job);
  const insert: PgBoss.JobInsert = {
    name: job.name,
    data,
    retryLimit: q.retryLimit,
    retryDelay: q.retryDelay,
    retryBackoff: q.retryBackoff,
    expireInSeconds: q.expireInSeconds,
    ...opts,
  };
  const pending = pendingInserts.get(tx);
  if (pending) pending.push(insert);
  else {
    const buffer = [insert];
    const flush = async () => {
      pendingInserts.delete(tx);
      await insertJobs(tx, buffer);
    };
    if (beforeCommit(tx, flush)) pendingInserts.set(tx, buffer);
    else await insertJobs(tx, buffer);
  }
  afterCommit(tx, () => wakeWorkers(job.name));
}

// Queues with a wake-up pending: sends within WAKE_COALESCE_MS share one fetch (a batch, not one job each).
const wakePending = new Set<string>();
const WAKE_COALESCE_MS = 10;

/** Wake this process's workers of a queue soon after a send, instead of at their next poll. */
function wakeWorkers(name: string) {
  if (wakePending.has(name)) return;
  wakePending.add(name);
  setTimeout(() => {
    wakePending.delete(name);
    for (const w of g.__switchboardJobs?.workerIds.get(name) ?? []) g.__switchboardJobs?.boss.notifyWorker(w);
  }, WAKE_COALESCE_MS);
}

async function insertJobs(tx: Tx, jobs: PgBoss.JobInsert[]) {
  const state = g.__switchboardJobs as JobsState;
  const dbAdapter = {
    executeSql: async (text: string, values: unknown[]) => ({
      rows: await (tx as { $queryRawUnsafe: (q: string, ...v: unknown[]) => Promise<unknown[]> }).$queryRawUnsafe(
        text,
        ...values,
      ),
    }),
  };
  await state.boss.insert(jobs, { db: dbAdapter });
}
