// Scheduled work: auto-close of resolved tickets and SLA breach records.
import { db, transaction } from '@/lib/server/db';
import { env } from '@/lib/server/env';
import { SYSTEM_ACTOR } from '../../actor';
import { AppError } from '../../errors';
import { history, recordAudit } from '../history';
import { applyStatus } from './status';

/** Close tickets Resolved for longer than TICKET_AUTO_CLOSE_HOURS (measured from when they became Resolved). */
export async function autoCloseResolved(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - env.TICKET_AUTO_CLOSE_HOURS * 3600_000);
  const due = await db.ticket.findMany({ where: { status: 'Resolved', resolvedAt: { lte: cutoff } }, take: 500 });
  let closed = 0;
  for (const t of due) {
    try {
      await transaction((tx) =>
        applyStatus(tx, SYSTEM_ACTOR, t, 'Closed', {
          note: `Closed automatically ${env.TICKET_AUTO_CLOSE_HOURS} h after resolution`,
        }),
      );
      closed++;
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'TICKET_CHANGED')) throw e;
    }
  }
  return closed;
}

/**
 * Record an SLA_BREACH history entry (once per deadline) for open tickets past their response or resolution
 * due date. Response counts as met once work has started (In Progress or later).
 */
export async function recordSlaBreaches(now = new Date()): Promise<number> {
  const rows = await db.$queryRaw<{ id: number; ticket_number: string; field: string; due: Date }[]>`
    SELECT t.id, t.ticket_number, d.field, d.due
      FROM helpdesk.tickets t
     CROSS JOIN LATERAL (VALUES ('response_due_at', t.response_due_at, t.status = 'Open'),
                                ('resolution_due_at', t.resolution_due_at, t.status IN ('Open', 'In Progress', 'On Hold'))) AS d(field, due, applies)
     WHERE d.applies AND d.due IS NOT NULL AND d.due < ${now}
       AND NOT EXISTS (SELECT 1 FROM helpdesk.ticket_history h WHERE h.ticket_id = t.id AND h.type = 'SLA_BREACH' AND h.field = d.field)
     LIMIT 500`;
  for (const r of rows) {
    await transaction(async (tx) => {
      await history(tx, r.id, SYSTEM_ACTOR, 'SLA_BREACH', {
        field: r.field,
        new: r.due.toISOString(),
        note: r.field === 'response_due_at' ? 'Response SLA missed' : 'Resolution SLA missed',
        isPublic: false,
      });
      await recordAudit(tx, SYSTEM_ACTOR, {
        context: 'helpdesk',
        action: 'ticket.sla_breach',
        entityType: 'ticket',
        entityId: r.ticket_number,
        newValues: { field: r.field },
      });
    });
  }
  return rows.length;
}
