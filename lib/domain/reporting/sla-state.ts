/**
 * The one place the dashboards read a task's SLA state from, in SQL for aggregates: the one clock's rule
 * (lib/domain/sla/clock.ts) on the task's window (`started_at` → `target_resolution`). Dashboards group the clock's
 * `warning` ("Due soon", from SLA_DUE_SOON_PERCENT, 75 % by default) and `at_risk` (from 90 %) states as `at_risk`:
 * both need attention before the breach.
 *
 * States: `breached` at or past the target, `at_risk` from the clock's warning threshold, `on_track` otherwise
 * (tasks without a target are on track). The warning threshold is the stored business-time instant
 * `sla_due_soon_at` (written with the due instant from the calendar and the pauses, lib/domain/workflow/sla-clock.ts),
 * so a list or report turns at the moment the task's badge and API do; a row without it (no business seconds)
 * keeps the wall-clock share, which is the same instant on 24×7.
 */
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { SLA_DUE_SOON_PERCENT } from '../sla/settings';

export const SLA_STATES = ['on_track', 'at_risk', 'breached'] as const;
export type SlaState = (typeof SLA_STATES)[number];
export const SLA_AT_RISK_FRACTION = SLA_DUE_SOON_PERCENT / 100;

/** SQL expression of the SLA state of the `workflow.tasks` row aliased `alias`, at `now`. */
export function slaStateSql(alias: string, now: Date): Prisma.Sql {
  const t = Prisma.raw(alias);
  return Prisma.sql`(CASE
    WHEN ${t}.target_resolution IS NULL THEN 'on_track'
    WHEN ${t}.target_resolution <= ${now}::timestamptz THEN 'breached'
    WHEN ${now}::timestamptz >= COALESCE(${t}.sla_due_soon_at,
      ${t}.started_at + (${t}.target_resolution - ${t}.started_at) * ${SLA_AT_RISK_FRACTION}::float8) THEN 'at_risk'
    ELSE 'on_track' END)`;
}

/** The same rule in TypeScript (for rows already read); `dueSoonAt` is the row's `sla_due_soon_at`. */
export function slaStateOf(startedAt: Date, target: Date | null, now: Date, dueSoonAt: Date | null = null): SlaState {
  if (!target) return 'on_track';
  if (target.getTime() <= now.getTime()) return 'breached';
  if (dueSoonAt) return now.getTime() >= dueSoonAt.getTime() ? 'at_risk' : 'on_track';
  const elapsed = now.getTime() - startedAt.getTime();
  return elapsed >= (target.getTime() - startedAt.getTime()) * SLA_AT_RISK_FRACTION ? 'at_risk' : 'on_track';
}

/** Ids of the caller's open owned tasks in an SLA state (for the owned list's filter; bounded by one owner). */
export async function ownedTaskIdsInSlaState(ownerId: number, state: SlaState, now = new Date()): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: number }[]>(Prisma.sql`
    SELECT t.id FROM workflow.tasks t
    WHERE t.owner_id = ${ownerId} AND t.status IN ('pending', 'in_progress') AND ${slaStateSql('t', now)} = ${state}`);
  return rows.map((r) => r.id);
}
