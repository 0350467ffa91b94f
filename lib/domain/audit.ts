import { rowsBeforeCommit, type Tx } from '@/lib/server/db';
import type { Actor } from './actor';

export interface AuditEntry {
  context: 'identity' | 'helpdesk' | 'workflow' | 'messaging' | 'notifications' | 'knowledge';
  action: string;
  entityType: string;
  entityId: string | number;
  oldValues?: unknown;
  newValues?: unknown;
}

function auditRow(actor: Actor | null, entry: AuditEntry) {
  return {
    actorId: actor && actor.id > 0 ? actor.id : null,
    actorEmail: actor?.email ?? null,
    context: entry.context,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    oldValues: (entry.oldValues ?? undefined) as never,
    newValues: (entry.newValues ?? undefined) as never,
    ip: actor?.ip ?? null,
    userAgent: actor?.userAgent?.slice(0, 500) ?? null,
  };
}

const insertAudit = rowsBeforeCommit<ReturnType<typeof auditRow>>(
  (tx, row) => tx.auditLog.create({ data: row }),
  (tx, rows) => tx.auditLog.createMany({ data: rows }),
);

/**
 * Every state change writes one row, inside the transaction of the change. Within transaction() the rows
 * of one transaction are buffered and written by one INSERT just before COMMIT, in the order written.
 */
export async function writeAudit(tx: Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await insertAudit(tx, auditRow(actor, entry));
}
