import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { databaseUrl, env } from './env';

export type { Prisma } from '@/lib/generated/prisma/client';
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

// One client per process, shared through globalThis: Next bundles route handlers separately from server.ts.
const g = globalThis as unknown as { __switchboardPrisma?: PrismaClient };

export function prisma(): PrismaClient {
  if (!g.__switchboardPrisma) {
    g.__switchboardPrisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: databaseUrl(), max: env.DB_POOL_SIZE }),
    });
  }
  return g.__switchboardPrisma;
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
