import type { Tx } from '@/lib/server/db';
import type { Actor } from './actor';

export interface AuditEntry {
  context: 'identity' | 'helpdesk' | 'workflow' | 'messaging' | 'notifications';
  action: string;
  entityType: string;
  entityId: string | number;
  oldValues?: unknown;
  newValues?: unknown;
}

/** Every state change writes one row, inside the transaction of the change. */
export async function writeAudit(tx: Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
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
    },
  });
}
