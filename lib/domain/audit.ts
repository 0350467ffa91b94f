import { beforeCommit, type Tx } from '@/lib/server/db';
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

// Audit rows waiting for their transaction's commit.
const pendingRows = new WeakMap<object, ReturnType<typeof auditRow>[]>();

/**
 * Every state change writes one row, inside the transaction of the change. Within transaction() the rows
 * of one transaction are buffered and written by one INSERT just before COMMIT, in the order written.
 */
export async function writeAudit(tx: Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  const pending = pendingRows.get(tx);
  if (pending) {
    pending.push(auditRow(actor, entry));
    return;
  }
  const rows = [auditRow(actor, entry)];
  const flush = async () => {
    pendingRows.delete(tx);
    await tx.auditLog.createMany({ data: rows });
  };
  if (beforeCommit(tx, flush)) pendingRows.set(tx, rows);
  else await tx.auditLog.create({ data: rows[0] });
}
