import { createRequire } from 'node:module';
import { type JobDefinition, PermanentJobError } from '@/lib/domain/jobs';
import { env } from '../env';
import { logger } from '../logger';
import { DEAD_LETTER_QUEUE, type DeadLetter, jobsState, startQueue } from './queue';

/**
 * The worker side of the job queue: runs the handlers the process entry gives it (server.ts passes the
 * registry; tests pass what they exercise). Only process entries import this module.
 */

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

/**
 * Start pg-boss in this process with the given handlers (idempotent): their queues are created, and with
 * `workers` every handler gets a worker and periodic jobs their cron schedule.
 */
export function startJobs(opts: { workers: boolean; jobs?: JobDefinition[] }): Promise<void> {
  const existing = jobsState();
  if (existing) return existing.started;
  if (opts.workers) guardWorkerSettlement();
  const state = startQueue(opts);
  const created = state.started;
  state.started = (async () => {
    await created;
    if (!opts.workers) return;
    for (const job of opts.jobs ?? []) {
      let workerId = '';
      const batchSize = job.batchSize ?? env.JOB_BATCH_SIZE;
      const id = await state.boss.work(
        job.name,
        { batchSize, pollingIntervalSeconds: 0.5, includeMetadata: true },
        async (jobs) => {
          // Jobs of a batch run concurrently; a failure fails only its own job.
          // Failed ones are marked failed (and retried by pg-boss); returning completes the rest.
          if (await runBatch(job, jobs)) {
            if (jobs.length >= batchSize && workerId) setImmediate(() => jobsState()?.boss.notifyWorker(workerId));
            return;
          }
          const results = await Promise.allSettled(jobs.map((j) => runJob(job, j.id, j.data, j.retryCount, j.retryLimit)));
          for (const [i, r] of results.entries()) {
            if (r.status === 'rejected') {
              const reason = r.reason instanceof Error ? r.reason.message : String(r.reason);
              // If even this fails (database down), the job expires and is retried.
              await state.boss.fail(job.name, jobs[i].id, { message: reason }).catch(() => {});
            }
          }
          // A full batch means more are waiting: fetch again at once instead of after the polling interval.
          if (jobs.length >= batchSize && workerId) setImmediate(() => jobsState()?.boss.notifyWorker(workerId));
        },
      );
      workerId = id;
      state.workerIds.set(job.name, [...(state.workerIds.get(job.name) ?? []), id]);
      if (job.cron) await state.boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
    }
  })();
  return state.started;
}

/**
 * A job with a batch handler and more than one valid job in the batch: all of them in one call. False when the
 * jobs must run one by one instead (no batch handler, an invalid payload among them, or the batch failed and was
 * rolled back): runJob then retries or dead-letters each on its own.
 */
async function runBatch(job: JobDefinition, jobs: { id: string; data: unknown }[]): Promise<boolean> {
  if (!job.batchHandler || jobs.length < 2) return false;
  const payloads: unknown[] = [];
  for (const j of jobs) {
    const parsed = job.schema.safeParse(j.data ?? {});
    if (!parsed.success) return false;
    payloads.push(parsed.data);
  }
  try {
    await job.batchHandler(payloads);
    logger.debug('job batch done', { queue: job.name, jobs: jobs.length, pid: process.pid });
    return true;
  } catch (e) {
    logger.warn('job batch failed; running its jobs one by one', { queue: job.name, error: String(e) });
    return false;
  }
}

async function runJob(job: JobDefinition, id: string, data: unknown, retryCount: number, retryLimit: number) {
  const boss = jobsState()!.boss;
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
    // Which process ran which job (several processes share the queues): visible with LOG_LEVEL=debug.
    logger.debug('job done', { queue: job.name, id, pid: process.pid });
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
