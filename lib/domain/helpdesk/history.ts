// What every ticket change records: a history entry (004's entry types) and an audit row with a live event.
import { afterCommit, type Prisma, rowsBeforeCommit, type Tx } from '@/lib/server/db';
import { publish } from '@/lib/server/realtime';
import type { Actor } from '../actor';
import { type AuditEntry, writeAudit } from '../audit';

export type HistoryType =
  | 'CREATED'
  | 'STATUS_CHANGE'
  | 'PRIORITY_CHANGE'
  | 'ASSIGNMENT_CHANGE'
  | 'UPDATE'
  | 'COMMENT_ADDED'
  | 'ATTACHMENT_ADDED'
  | 'RESOLVED'
  | 'CLOSED'
  | 'REOPENED'
  | 'ESCALATED'
  | 'SLA_BREACH';

type HistoryRow = Prisma.TicketHistoryUncheckedCreateInput;

// Within transaction() a change's history entries are written by one INSERT just before COMMIT (nothing reads
// them back inside the transaction): a routing delivery writes three.
const insertHistory = rowsBeforeCommit<HistoryRow>(
  (tx, row) => tx.ticketHistory.create({ data: row, select: { id: true } }),
  (tx, rows) => tx.ticketHistory.createMany({ data: rows }),
);

export async function history(
  tx: Tx,
  ticketId: number,
  actor: Actor | null,
  type: HistoryType,
  e: { field?: string; old?: string | null; new?: string | null; note?: string | null; isPublic?: boolean } = {},
) {
  await insertHistory(tx, {
    ticketId,
    type,
    field: e.field ?? null,
    oldValue: e.old ?? null,
    newValue: e.new ?? null,
    note: e.note ?? null,
    actorId: actor && actor.id > 0 ? actor.id : null,
    isPublic: e.isPublic ?? true,
  });
}

/** The audit row, plus (for ticket changes) a small realtime event after commit; clients re-read. */
export async function recordAudit(tx: Tx, actor: Actor | null, entry: AuditEntry) {
  await writeAudit(tx, actor, entry);
  if (entry.entityType === 'ticket') {
    const ticketNumber = String(entry.entityId);
    afterCommit(tx, () =>
      publish(`ticket:${ticketNumber}`, 'ticket_update', {
        type: 'ticket_update',
        source: 'helpdesk',
        ticket_number: ticketNumber,
        action: entry.action,
      }),
    );
  }
}
