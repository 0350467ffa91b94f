import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '@/lib/domain/identity/queries';
import { replayDeadLetter } from '@/lib/domain/operations/commands';
import { cleanupJobsJob } from '@/lib/domain/operations/jobs';
import { listDeadLetters } from '@/lib/domain/operations/queries';
import { db, transaction } from '@/lib/server/db';
import { enqueue, jobsState, stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { waitFor } from '../helpers/wait';
import { batchedJob, effectCount, flakyJob, knownKeys, needsKnownKeyJob, slowJob, TEST_JOBS } from './fixtures/test-jobs';

async function jobRows(name: string, key: string) {
  return db.$queryRaw<{ id: string; state: string; retry_count: number }[]>`
    SELECT id, state::text, retry_count FROM pgboss.job WHERE name = ${name} AND data->>'key' = ${key}`;
}

describe('job runtime (real pg-boss)', () => {
  beforeAll(async () => {
    await startJobs({ workers: true, jobs: TEST_JOBS });
  });
  afterAll(async () => {
    await stopJobs();
  });

  it('the hourly cleanup removes old archived jobs and resolved dead letters and keeps recent ones', async () => {
    await db.$executeRaw`INSERT INTO pgboss.archive (id, name, priority, data, state, retry_limit, retry_count, retry_delay, retry_backoff, start_after, created_on, expire_in, keep_until, policy, archived_on)
      VALUES (gen_random_uuid(), 'test.old', 0, '{}', 'completed', 0, 0, 0, false, now(), now() - interval '30 days', interval '5 seconds', now(), 'standard', now() - interval '20 days'),
             (gen_random_uuid(), 'test.recent', 0, '{}', 'completed', 0, 0, 0, false, now(), now(), interval '5 seconds', now(), 'standard', now())`;
    await cleanupJobsJob.handler({}, { id: 'test', retryCount: 0 });
    const names = await db.$queryRaw<{ name: string }[]>`SELECT name FROM pgboss.archive WHERE name LIKE 'test.%'`;
    expect(names.map((n) => n.name)).toEqual(['test.recent']);
  });

  it('a job enqueued in a transaction that rolls back never exists', async () => {
    const key = randomUUID();
    await expect(
      transaction(async (tx) => {
        await enqueue(tx, flakyJob, { key, failTimes: 0 });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await jobRows(flakyJob.name, key)).toEqual([]);
    await new Promise((r) => setTimeout(r, 600));
    expect(await effectCount(key)).toBe(0);
  });

  it('a batch handler takes the jobs fetched together in one call', async () => {
    const keys = [randomUUID(), randomUUID(), randomUUID()];
    await transaction(async (tx) => {
      for (const key of keys) await enqueue(tx, batchedJob, { key });
    });
    for (const key of keys)
      await waitFor(
        () => effectCount(`${key}:batched`),
        (n) => n === 1,
      );
    await waitFor(
      () => Promise.all(keys.map((key) => jobRows(batchedJob.name, key))),
      (rows) => rows.every((r) => r[0]?.state === 'completed'),
    );
    expect(await Promise.all(keys.map(effectCount))).toEqual([1, 1, 1]);
  });

  it('a failing batch rolls back and its jobs run one by one: only the failing job is dead-lettered', async () => {
    const [good1, poison, good2] = [randomUUID(), randomUUID(), randomUUID()];
    await transaction(async (tx) => {
      await enqueue(tx, batchedJob, { key: good1 });
      await enqueue(tx, batchedJob, { key: poison, poison: true });
      await enqueue(tx, batchedJob, { key: good2 });
    });
    for (const key of [good1, good2])
      await waitFor(
        () => effectCount(key),
        (n) => n === 1,
      );
    const letters = await waitFor(
      () => db.$queryRaw<{ code: string }[]>`
        SELECT data->>'code' AS code FROM pgboss.job WHERE name = 'dead_letter' AND data->'data'->>'key' = ${poison}`,
      (rows) => rows.length === 1,
    );
    expect(letters[0].code).toBe('POISON');
    expect(await Promise.all([good1, poison, good2].map((k) => effectCount(`${k}:batched`)))).toEqual([0, 0, 0]);
    expect(await effectCount(poison)).toBe(0);
  });

  it('a committed job is processed exactly once', async () => {
    const key = randomUUID();
    await transaction((tx) => enqueue(tx, flakyJob, { key, failTimes: 0 }));
    await waitFor(
      () => effectCount(key),
      (n) => n === 1,
    );
    await waitFor(
      () => jobRows(flakyJob.name, key),
      (rows) => rows[0]?.state === 'completed',
    );
    expect(await effectCount(key)).toBe(1);
  });

  it('a handler that fails twice then succeeds ends with one effect after two retries', async () => {
    const key = randomUUID();
    await transaction((tx) => enqueue(tx, flakyJob, { key, failTimes: 2 }));
    const rows = await waitFor(
      () => jobRows(flakyJob.name, key),
      (r) => r[0]?.state === 'completed',
      30_000,
    );
    expect(rows[0].retry_count).toBe(2);
    expect(await effectCount(key)).toBe(1);
  });

  it('the producer refuses an invalid payload (nothing is enqueued)', async () => {
    await expect(transaction((tx) => enqueue(tx, flakyJob, { key: 1 } as never))).rejects.toThrow();
  });

  it('an invalid payload on the queue is dead-lettered at once, with the error', async () => {
    const marker = randomUUID();
    await jobsState()!.boss.send(needsKnownKeyJob.name, { key: 42, marker });
    const admin = (await loadActor((await db.user.findUniqueOrThrow({ where: { username: 'admin' } })).id))!;
    const letters = await waitFor(
      () => listDeadLetters(admin, { page: 1, page_size: 100, queue: needsKnownKeyJob.name }),
      (p) => p.results.some((d) => (d.data as { marker?: string }).marker === marker),
    );
    const letter = letters.results.find((d) => (d.data as { marker?: string }).marker === marker)!;
    expect(letter).toMatchObject({ queue: needsKnownKeyJob.name, code: 'INVALID_PAYLOAD', attempts: 1 });
    expect(letter.error).toMatch(/key/);
  });

  it('a permanent error is dead-lettered without retries, and replaying it after the fix succeeds', async () => {
    const key = randomUUID();
    await transaction((tx) => enqueue(tx, needsKnownKeyJob, { key }));
    const admin = (await loadActor((await db.user.findUniqueOrThrow({ where: { username: 'admin' } })).id))!;
    const page = await waitFor(
      () => listDeadLetters(admin, { page: 1, page_size: 100, queue: needsKnownKeyJob.name }),
      (p) => p.results.some((d) => (d.data as { key?: string }).key === key),
    );
    const letter = page.results.find((d) => (d.data as { key?: string }).key === key)!;
    expect(letter.code).toBe('TICKET_NOT_FOUND');
    expect((await jobRows(needsKnownKeyJob.name, key))[0].retry_count).toBe(0);
    expect(await effectCount(key)).toBe(0);

    knownKeys.add(key); // the fix
    const replay = await replayDeadLetter(admin, letter.id);
    expect(replay.replayed).toBe(1);
    await waitFor(
      () => effectCount(key),
      (n) => n === 1,
    );
    // Replaying the same letter twice is refused: it was taken.
    await expect(replayDeadLetter(admin, letter.id)).rejects.toMatchObject({ status: 404 });
  });
});

describe('a worker killed mid-job', () => {
  let child: ChildProcess | null = null;
  afterAll(async () => {
    child?.kill('SIGKILL');
    await stopJobs();
  });

  it('has its job completed by another worker after SIGKILL, with one effect', async () => {
    // node itself (not npx) so that SIGKILL hits the worker process.
    child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/fixtures/slow-worker.ts'], {
      env: { ...process.env, SLOW_WORKER: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d) => (out += String(d)));
    await waitFor(
      async () => out,
      (o) => o.includes('ready'),
      60_000,
    );

    const key = randomUUID();
    await startJobs({ workers: false, jobs: TEST_JOBS });
    await transaction((tx) => enqueue(tx, slowJob, { key }));
    await waitFor(
      async () => out,
      (o) => o.includes(`started ${key}`),
      20_000,
    );
    child.kill('SIGKILL');
    const killedAt = Date.now();
    await stopJobs();

    // A fresh worker (this process) picks the job up once it expires.
    await startJobs({ workers: true, jobs: TEST_JOBS });
    await waitFor(
      () => effectCount(key),
      (n) => n === 1,
      30_000,
    );
    const rows = await waitFor(
      () => jobRows(slowJob.name, key),
      (r) => r[0]?.state === 'completed',
    );
    console.log(`killed worker's job completed ${((Date.now() - killedAt) / 1000).toFixed(1)} s after SIGKILL`);
    expect(rows).toHaveLength(1);
    expect(rows[0].retry_count).toBeGreaterThanOrEqual(1);
    expect(await effectCount(key)).toBe(1);
  }, 90_000);
});
