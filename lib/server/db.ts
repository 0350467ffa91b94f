import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { databaseUrl, env } from './env';
import { logger } from './logger';

export type { Prisma } from '@/lib/generated/prisma/client';
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

// One client per process, shared through globalThis: Next bundles route handlers separately from server.ts.
const g = globalThis as unknown as { __switchboardPrisma?: PrismaClient };

export function prisma(): PrismaClient {
  if (!g.__switchboardPrisma) {
    g.__switchboardPrisma = new PrismaClient({
      adapter: new PrismaPg(resilientPool(databaseUrl(), env.DB_POOL_SIZE), { disposeExternalPool: true }),
    });
  }
  return g.__switchboardPrisma;
}

/**
 * A pg pool whose connections never take the process down. pg emits 'error' on a connection the server ends
 * (a PostgreSQL restart, an administrator's terminate); the pool listens only while a connection is idle, so
 * one checked out between two statements (a transaction that is rolling back, a slow handler) would throw an
 * unhandled 'error' event. The statement in flight still fails and is retried by its caller; the process lives.
 */
export function resilientPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  const lost = (e: Error) => logger.warn('database connection lost', { error: e.message });
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));
  return pool;
}

/** `db.user.findMany(...)`: the lazily created client (DATABASE_URL may be set after import). */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = prisma();
    const value = Reflect.get(client, prop);
    return typeof value === 'function' ? value.bind(client) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  await g.__switchboardPrisma?.$disconnect();
  g.__switchboardPrisma = undefined;
}

// Listeners told after every committed transaction (the request wrapper records that its change was made).
const gc = globalThis as unknown as { __switchboardCommitListeners?: (() => void)[] };
export function onCommit(fn: () => void): void {
  (gc.__switchboardCommitListeners ??= []).push(fn);
}

// Work to run once a transaction has committed (waking job workers, pushing realtime events).
const afterCommitHooks = new WeakMap<object, (() => void)[]>();
// Work to run inside a transaction after its body, just before COMMIT (flushing buffered job inserts).
const beforeCommitHooks = new WeakMap<object, (() => Promise<void>)[]>();

export function afterCommit(tx: Tx, fn: () => void): void {
  const hooks = afterCommitHooks.get(tx);
  if (hooks) hooks.push(fn);
  else queueMicrotask(fn); // not inside transaction(): nothing to wait for
}

/** True when `tx` is a transaction() that will run before-commit hooks. */
export function beforeCommit(tx: Tx, fn: () => Promise<void>): boolean {
  const hooks = beforeCommitHooks.get(tx);
  if (!hooks) return false;
  hooks.push(fn);
  return true;
}

/**
 * Rows of one kind that a transaction writes, buffered and inserted together just before its COMMIT (`insertMany`,
 * in the order written): one statement instead of one per row. Outside transaction() a row is inserted at once
 * (`insertOne`). Only for rows nothing reads back inside the same transaction (audit, ticket history).
 */
export function rowsBeforeCommit<R>(
  insertOne: (tx: Tx, row: R) => Promise<unknown>,
  insertMany: (tx: Tx, rows: R[]) => Promise<unknown>,
) {
  const pending = new WeakMap<object, R[]>();
  return async (tx: Tx, row: R): Promise<void> => {
    const buffer = pending.get(tx);
    if (buffer) {
      buffer.push(row);
      return;
    }
    const rows = [row];
    const flush = async () => {
      pending.delete(tx);
      await insertMany(tx, rows);
    };
    if (beforeCommit(tx, flush)) pending.set(tx, rows);
    else await insertOne(tx, row);
  };
}

/** `db.$transaction` plus before- and after-commit hooks. Use this for every command. */
export async function transaction<T>(
  fn: (tx: Tx) => Promise<T>,
  opts?: { timeout?: number; isolationLevel?: 'Serializable' | 'ReadCommitted' | 'RepeatableRead' },
): Promise<T> {
  let hooks: (() => void)[] = [];
  const result = await db.$transaction(
    async (tx) => {
      hooks = [];
      afterCommitHooks.set(tx, hooks);
      const before: (() => Promise<void>)[] = [];
      beforeCommitHooks.set(tx, before);
      const value = await fn(tx);
      // Hooks may add hooks (a flush that enqueues): run until none is left.
      for (let h = before.shift(); h; h = before.shift()) await h();
      return value;
    },
    { timeout: opts?.timeout ?? 15000, maxWait: 10000, isolationLevel: opts?.isolationLevel },
  );
  for (const l of gc.__switchboardCommitListeners ?? []) l();
  for (const h of hooks) {
    try {
      h();
    } catch {
      /* hooks are best-effort notifications */
    }
  }
  return result;
}
