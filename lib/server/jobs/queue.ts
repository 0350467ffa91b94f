import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { JobDefinition, JobMessage } from '@/lib/domain/jobs';
import { afterCommit, beforeCommit, type Tx } from '../db';
import { databaseUrl } from '../env';
import { logger } from '../logger';

/**
 * The producer side of the job queue: the pg-boss instance of this process, enqueueing inside a transaction,
 * and sending outside one. It knows job messages (name, schema, retry), never their handlers; the worker side
 * (`workers.ts`) and the registry of handlers are wired by the process entry (server.ts) and by tests.
 */
export const DEAD_LETTER_QUEUE = 'dead_letter';

export interface JobsState {
  boss: PgBoss;
  /** Handlers registered by the process entry (empty in a process that only sends). */
  jobs: JobDefinition[];
  started: Promise<void>;
  /** Queues known to exist (pg-boss 10 requires a queue before the first send). */
  queues: Map<string, Promise<void>>;
  workerIds: Map<string, string[]>;
  workers: boolean;
}
const g = globalThis as unknown as { __switchboardJobs?: JobsState };

export function queueOptions(job: Pick<JobMessage, 'retry' | 'expireInSeconds'>) {
  const retry = job.retry ?? { limit: 0, delaySeconds: 0, backoff: false };
  return {
    retryLimit: retry.limit,
    retryDelay: retry.delaySeconds,
    retryBackoff: retry.backoff,
    expireInSeconds: job.expireInSeconds ?? 5,
  };
}

/**
 * Start pg-boss in this process (idempotent): `workers` also runs maintenance and cron scheduling.
 * Creates the dead-letter queue and the queues of `jobs`; other queues are created on their first send.
 */
export function startQueue(opts: { workers: boolean; jobs?: JobDefinition[] }): JobsState {
  if (g.__switchboardJobs) return g.__switchboardJobs;
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
  const state: JobsState = {
    boss,
    jobs: opts.jobs ?? [],
    workerIds: new Map(),
    queues: new Map(),
    workers: opts.workers,
    started: Promise.resolve(),
  };
  state.started = (async () => {
    await boss.start();
    await boss.createQueue(DEAD_LETTER_QUEUE, { name: DEAD_LETTER_QUEUE, retryLimit: 0 });
    for (const job of state.jobs) await ensureQueue(state, job);
  })();
  g.__switchboardJobs = state;
  return state;
}

function ensureQueue(state: JobsState, job: JobMessage): Promise<void> {
  let created = state.queues.get(job.name);
  if (!created) {
    created = state.boss.createQueue(job.name, { name: job.name, ...queueOptions(job) });
    created.catch(() => state.queues.delete(job.name));
    state.queues.set(job.name, created);
  }
  return created;
}

/** This process's queue, started for sending if nothing started it yet, with the message's queue created. */
async function queueFor(job: JobMessage): Promise<JobsState> {
  const state = startQueue({ workers: false });
  await state.started;
  await ensureQueue(state, job);
  return state;
}

/** Send outside any transaction (replays, scheduled work). */
export async function sendJob(job: JobMessage, data: object): Promise<string | null> {
  const state = await queueFor(job);
  const id = await state.boss.send(job.name, data, queueOptions(job));
  wakeWorkers(job.name);
  return id;
}

/** The handlers this process registered (the process entry passes the registry). */
export function registeredJobs(): JobDefinition[] {
  return g.__switchboardJobs?.jobs ?? [];
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
  job: JobMessage<S>,
  payload: z.input<S>,
  opts: { singletonKey?: string; startAfter?: Date } = {},
): Promise<void> {
  const state = await queueFor(job);
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
      await insertJobs(state, tx, buffer);
    };
    if (beforeCommit(tx, flush)) pendingInserts.set(tx, buffer);
    else await insertJobs(state, tx, buffer);
  }
  afterCommit(tx, () => wakeWorkers(job.name));
}

// Queues with a wake-up pending: sends within WAKE_COALESCE_MS share one fetch (a batch, not one job each).
const wakePending = new Set<string>();
const WAKE_COALESCE_MS = 10;

/** Wake this process's workers of a queue soon after a send, instead of at their next poll. */
export function wakeWorkers(name: string) {
  if (wakePending.has(name)) return;
  wakePending.add(name);
  setTimeout(() => {
    wakePending.delete(name);
    for (const w of g.__switchboardJobs?.workerIds.get(name) ?? []) g.__switchboardJobs?.boss.notifyWorker(w);
  }, WAKE_COALESCE_MS);
}

async function insertJobs(state: JobsState, tx: Tx, jobs: PgBoss.JobInsert[]) {
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

/** A dead letter: the message, where it was going, and why it could not be delivered. */
export interface DeadLetter {
  queue: string;
  job_id: string;
  data: unknown;
  code: string;
  error: string;
  attempts: number;
}
