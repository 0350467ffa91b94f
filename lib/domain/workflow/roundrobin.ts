import type { Tx } from '@/lib/server/db';

/** The member a round-robin counter value points at: members ordered by id, value 1 → first. */
export function pickRoundRobin<T>(members: T[], counterValue: number | bigint): T | null {
  if (!members.length) return null;
  const n = BigInt(members.length);
  const index = Number((BigInt(counterValue) - 1n + n * 1000n) % n);
  return members[index];
}

/**
 * Advance the pool's counter atomically and return its new value. The upsert takes a row lock, so
 * concurrent transactions get distinct consecutive values (1, 2, 3, 4 → members 1, 2, 3, 1); a rolled-back
 * transaction gives its value back.
 */
export async function advanceCounter(tx: Tx, key: string): Promise<bigint> {
  const rows = await tx.$queryRaw<{ value: bigint }[]>`
    INSERT INTO "workflow"."round_robin_counters" ("key", "value") VALUES (${key}, 1)
    ON CONFLICT ("key") DO UPDATE SET "value" = "round_robin_counters"."value" + 1
    RETURNING "value"`;
  return BigInt(rows[0].value);
}

/** The next member of a pool (active members, ordered by id), or null when the pool is empty. */
export async function nextMember<T>(tx: Tx, key: string, members: T[]): Promise<T | null> {
  if (!members.length) return null;
  return pickRoundRobin(members, await advanceCounter(tx, key));
}

/**
 * The next member of several pools at once: one statement advances every counter (a routing picks its assignee
 * and owner together). Keys are locked in sorted order, so concurrent callers cannot deadlock; an empty pool is
 * not advanced and gives null.
 */
export async function nextMembers<T>(tx: Tx, pools: { key: string; members: T[] }[]): Promise<(T | null)[]> {
  const keys = [...new Set(pools.filter((p) => p.members.length).map((p) => p.key))].sort();
  if (!keys.length) return pools.map(() => null);
  const rows = await tx.$queryRaw<{ key: string; value: bigint }[]>`
    INSERT INTO "workflow"."round_robin_counters" ("key", "value") SELECT k, 1 FROM unnest(${keys}::text[]) AS k
    ON CONFLICT ("key") DO UPDATE SET "value" = "round_robin_counters"."value" + 1
    RETURNING "key", "value"`;
  const values = new Map(rows.map((r) => [r.key, r.value]));
  return pools.map((p) => (p.members.length ? pickRoundRobin(p.members, values.get(p.key) ?? 0n) : null));
}

/** The value the pool's next `advanceCounter` would return, read without advancing it (the dry run's view). */
export async function peekCounter(client: Tx, key: string): Promise<bigint> {
  const row = await client.roundRobinCounter.findUnique({ where: { key }, select: { value: true } });
  return BigInt(row?.value ?? 0) + 1n;
}
