// Comments on a ticket (public and internal).
import { afterCommit, db, type Tx, transaction } from '@/lib/server/db';
import { publish } from '@/lib/server/realtime';
import type { Actor } from '../../actor';
import { forbidden, notFound } from '../../errors';
import { usersByIds } from '../../identity/directory';
import { history, recordAudit } from '../history';
import { assertCanDeleteComment, assertCanEditComment, assertCanSee, canSeeInternal } from '../policy';
import { commentDto, loadTicket } from '../queries';
import type { CommentInput } from '../schemas';

type CommentRow = { id: number; authorId: number; body: string; isInternal: boolean; createdAt: Date; updatedAt: Date };

/**
 * The requester's thread is live: a public comment's change goes after commit to `ticket:{n}` (everyone
 * who may see the ticket) with the comment as the ticket page renders it. Internal notes are never
 * published: the rooms are granted by messaging's participants, which do not match who may read them here.
 */
function publishComment(
  tx: Tx,
  ticketNumber: string,
  c: CommentRow,
  action: 'created' | 'updated' | 'deleted',
  names: Map<number, { name: string }>,
) {
  if (c.isInternal) return;
  afterCommit(tx, () =>
    publish(`ticket:${ticketNumber}`, 'comment_update', {
      type: 'comment_update',
      source: 'helpdesk',
      action,
      comment_id: c.id,
      ticket_id: ticketNumber,
      is_internal: false,
      comment: action === 'deleted' ? null : commentDto(c, names),
    }),
  );
}

export async function addComment(actor: Actor, ref: string | number, input: CommentInput) {
  const t = await loadTicket(actor, ref);
  if (input.is_internal && !canSeeInternal(actor, t)) throw forbidden('Only staff can write internal notes');
  const names = await usersByIds([actor.id]);
  const c = await transaction(async (tx) => {
    const c = await tx.ticketComment.create({
      data: { ticketId: t.id, authorId: actor.id, body: input.body, isInternal: input.is_internal },
    });
    await history(tx, t.id, actor, 'COMMENT_ADDED', { field: 'comment', new: String(c.id), isPublic: !input.is_internal });
    await recordAudit(tx, actor, {
      context: 'helpdesk',
      action: 'comment.create',
      entityType: 'ticket_comment',
      entityId: c.id,
      newValues: { ticket: t.ticketNumber, internal: input.is_internal },
    });
    publishComment(tx, t.ticketNumber, c, 'created', names);
    return c;
  });
  return commentDto(c, names);
}

async function loadComment(actor: Actor, id: number) {
  const c = await db.ticketComment.findUnique({ where: { id }, include: { ticket: true } });
  if (!c) throw notFound('Comment');
  try {
    assertCanSee(actor, c.ticket);
  } catch {
    throw notFound('Comment');
  }
  if (c.isInternal && !canSeeInternal(actor, c.ticket)) throw notFound('Comment');
  return c;
}

export async function updateComment(actor: Actor, id: number, body: string) {
  const c = await loadComment(actor, id);
  assertCanEditComment(actor, c);
  const names = await usersByIds([actor.id]);
  const updated = await transaction(async (tx) => {
    const u = await tx.ticketComment.update({ where: { id }, data: { body } });
    await recordAudit(tx, actor, {
      context: 'helpdesk',
      action: 'comment.update',
      entityType: 'ticket_comment',
      entityId: id,
      oldValues: { body: c.body },
      newValues: { body },
    });
    publishComment(tx, c.ticket.ticketNumber, u, 'updated', names);
    return u;
  });
  return commentDto(updated, names);
}

export async function deleteComment(actor: Actor, id: number) {
  const c = await loadComment(actor, id);
  assertCanDeleteComment(actor, c);
  await transaction(async (tx) => {
    await tx.ticketComment.delete({ where: { id } });
    await recordAudit(tx, actor, {
      context: 'helpdesk',
      action: 'comment.delete',
      entityType: 'ticket_comment',
      entityId: id,
      oldValues: { body: c.body },
    });
    publishComment(tx, c.ticket.ticketNumber, c, 'deleted', new Map());
  });
}
