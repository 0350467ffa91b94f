// Editing and deleting tickets.
import { db, transaction } from '@/lib/server/db';
import type { Actor } from '../../actor';
import { badRequest } from '../../errors';
import { helpdeskCalendar } from '../../sla/calendar-store';
import { removeFiles } from '../files';
import { history, recordAudit } from '../history';
import { assertAdmin, assertCanEditTicket, isTriageStaff } from '../policy';
import { getTicket, loadTicket } from '../queries';
import type { TicketUpdateInput } from '../schemas';
import { dueDates, PRIORITY_RANK } from '../sla';
import { applyStatus, checkStatusChange } from './status';
import { assertUnchangedSince, checkCatalog, updateIfStatus } from './ticket-writes';

/** PATCH: requesters edit their New ticket's text; staff also priority, department and status. */
export async function updateTicket(actor: Actor, ref: string | number, input: TicketUpdateInput) {
  const t = await loadTicket(actor, ref);
  assertCanEditTicket(actor, t, input);
  assertUnchangedSince(t, input.expected_updated_at);
  if (!isTriageStaff(actor)) {
    if (t.status !== 'New')
      throw badRequest('A ticket can only be edited while it is New', { status: t.status }, 'TICKET_NOT_EDITABLE');
  }
  await checkCatalog({
    category: input.category ?? (input.sub_category ? t.category : undefined),
    sub_category: input.sub_category,
    department: input.department,
  });
  if (input.status && input.status !== t.status) checkStatusChange(actor, t, input.status);
  await transaction(async (tx) => {
    const data: Record<string, unknown> = {};
    const changed: [string, string | null, string | null][] = [];
    const set = (field: string, column: string, value: string | null | undefined, old: string | null) => {
      if (value === undefined || value === old) return;
      data[column] = value;
      changed.push([field, old, value]);
    };
    set('subject', 'subject', input.subject, t.subject);
    set('description', 'description', input.description, t.description);
    set('category', 'category', input.category, t.category);
    set(
      'sub_category',
      'subCategory',
      input.sub_category === undefined ? undefined : (input.sub_category ?? null),
      t.subCategory,
    );
    set('department', 'department', input.department, t.department);
    // 004's facts of an incident: anyone who may edit the ticket's text may correct them
    set('environment', 'environment', input.environment === undefined ? undefined : input.environment || null, t.environment);
    set(
      'affected_service',
      'affectedService',
      input.affected_service === undefined ? undefined : input.affected_service || null,
      t.affectedService,
    );
    set('impact_level', 'impactLevel', input.impact_level === undefined ? undefined : input.impact_level || null, t.impactLevel);
    if (input.tags !== undefined && input.tags.join('\u0000') !== t.tags.join('\u0000')) {
      data.tags = input.tags;
      changed.push(['tags', t.tags.join(', ') || null, input.tags.join(', ') || null]);
    }
    if (input.priority && input.priority !== t.priority) {
      Object.assign(data, {
        priority: input.priority,
        priorityRank: PRIORITY_RANK[input.priority],
        ...dueDates(input.priority, t.approvedAt ?? t.createdAt, t.slaChangedAt != null, await helpdeskCalendar(tx)),
      });
      await history(tx, t.id, actor, 'PRIORITY_CHANGE', { field: 'priority', old: t.priority, new: input.priority });
    }
    for (const [field, old, value] of changed) {
      await history(tx, t.id, actor, 'UPDATE', {
        field,
        old: field === 'description' ? null : old,
        new: field === 'description' ? null : value,
      });
    }
    if (Object.keys(data).length) {
      await updateIfStatus(tx, t, data, input.expected_updated_at);
      await recordAudit(tx, actor, {
        context: 'helpdesk',
        action: 'ticket.update',
        entityType: 'ticket',
        entityId: t.ticketNumber,
        newValues: data,
      });
    }
    if (input.status && input.status !== t.status) {
      const fresh = await tx.ticket.findUniqueOrThrow({ where: { id: t.id } });
      await applyStatus(tx, actor, fresh, input.status);
    }
  });
  return getTicket(actor, t.id);
}

export async function deleteTicket(actor: Actor, ref: string | number) {
  const t = await loadTicket(actor, ref);
  assertAdmin(actor, 'delete tickets');
  const files = await db.ticketAttachment.findMany({ where: { ticketId: t.id } });
  await transaction(async (tx) => {
    await tx.ticket.delete({ where: { id: t.id } });
    await recordAudit(tx, actor, {
      context: 'helpdesk',
      action: 'ticket.delete',
      entityType: 'ticket',
      entityId: t.ticketNumber,
      oldValues: { subject: t.subject, status: t.status },
    });
  });
  const { attachmentPath } = await import('../storage');
  await removeFiles(files.map((f) => ({ path: attachmentPath(f.storedName) })));
}
