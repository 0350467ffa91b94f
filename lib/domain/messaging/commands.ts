import { afterCommit, db, type Tx, transaction } from '@/lib/server/db';
import { leaveRooms, publish } from '@/lib/server/realtime';
import type { Actor } from '../actor';
import { writeAudit } from '../audit';
import { notify } from '../contracts/notify';
import type { TicketParticipantPayload } from '../contracts/participants';
import { badRequest, forbidden, notFound } from '../errors';
import { usersByUsernames } from '../identity/directory';
import { loadActor } from '../identity/queries';
import { NOTIFICATION_TYPES } from '../notifications/schemas';
import {
  assertCanChangeComment,
  assertCanChangeMessage,
  requireInternalAccess,
  requireTicketVisible,
  ticketRoomsFor,
} from './policy';
import { commentDto, messageDto, visibleComment } from './queries';
import type { CommentCreateInput } from './schemas';
import { ticketAccess } from './ticket-access';

export type CommentAction = 'created' | 'updated' | 'deleted' | 'rated';

/** Rooms: public items go to `ticket:{n}` (everyone allowed to see the ticket), internal ones only to `ticket:{n}:internal`. */
export function ticketRoom(ticketNumber: string, internal: boolean) {
  return internal ? `ticket:${ticketNumber}:internal` : `ticket:${ticketNumber}`;
}

function publishComment(tx: Tx, c: { id: number; ticketNumber: string; isInternal: boolean }, action: CommentAction) {
  afterCommit(tx, () =>
    publish(ticketRoom(c.ticketNumber, c.isInternal), 'comment_update', {
      type: 'comment_update',
      source: 'messaging',
      action,
      comment_id: c.id,
      ticket_id: c.ticketNumber,
      is_internal: c.isInternal,
    }),
  );
}

function publishMessage(tx: Tx, m: { id: number; ticketNumber: string }, action: 'created' | 'updated' | 'deleted' | 'unsent') {
  afterCommit(tx, () =>
    publish(ticketRoom(m.ticketNumber, true), 'message_update', {
      type: 'message_update',
      action,
      message_id: m.id,
      ticket_id: m.ticketNumber,
    }),
  );
}

const MENTION = /(^|[^\w@.])@([A-Za-z0-9_.+-]{1,150})/g;

export function mentionedUsernames(text: string): string[] {
  return [...new Set([...text.matchAll(MENTION)].map((m) => m[2].replace(/[.]+$/, '').toLowerCase()))].slice(0, 20);
}

/**
 * Who hears about a new comment or message: mentioned users who may see it (`mention`); for public items
 * the requester (`comment_public`, or the staff side when the requester wrote); for internal items the
 * other participants on the staff side (`comment_internal`). The author is never notified.
 */
async function notifyAboutItem(
  tx: Tx,
  actor: Actor,
  item: { key: string; ticketNumber: string; text: string; isInternal: boolean },
) {
  const participants = await tx.ticketParticipant.findMany({ where: { ticketNumber: item.ticketNumber, removedAt: null } });
  const requesters = new Set(participants.filter((p) => p.role === 'requester').map((p) => p.userId));
  const staff = new Set(participants.filter((p) => p.role !== 'requester').map((p) => p.userId));
  const mentioned = new Set<number>();
  for (const u of await usersByUsernames(mentionedUsernames(item.text))) {
    if (u.id === actor.id) continue;
    const who = await loadActor(u.id).catch(() => null);
    if (!who) continue;
    const access = await ticketAccess().canSee(who, item.ticketNumber);
    if (access.visible && (!item.isInternal || access.internal)) mentioned.add(u.id);
  }
  const preview = item.text.length > 280 ? `${item.text.slice(0, 277)}...` : item.text;
  if (mentioned.size) {
    await notify(tx, {
      user_ids: [...mentioned],
      type: NOTIFICATION_TYPES.mention,
      title: `${actor.name} mentioned you on ${item.ticketNumber}`,
      message: preview,
      ticket_number: item.ticketNumber,
      dedupe_key: `${item.key}:mention`,
    });
  }
  let type: string;
  let recipients: number[];
  if (item.isInternal) {
    type = NOTIFICATION_TYPES.commentInternal;
    recipients = [...staff];
  } else {
    type = NOTIFICATION_TYPES.commentPublic;
    recipients = requesters.has(actor.id) ? [...staff] : [...requesters];
  }
  recipients = recipients.filter((id) => id !== actor.id && !mentioned.has(id));
  if (recipients.length) {
    await notify(tx, {
      user_ids: recipients,
      type,
      title: `${item.isInternal ? 'New internal comment' : 'New comment'} on ${item.ticketNumber}`,
      message: `${actor.name}: ${preview}`,
      ticket_number: item.ticketNumber,
      dedupe_key: `${item.key}:${type}`,
    });
  }
}

const include = {
  ratings: { select: { userId: true, value: true } },
  attachments: { select: { id: true, fileName: true, contentType: true, size: true, createdAt: true } },
} as const;

export async function createComment(actor: Actor, input: CommentCreateInput) {
  const access = await requireTicketVisible(actor, input.ticket_id);
  let isInternal = input.is_internal;
  if (isInternal && !access.internal)
    throw forbidden('Only the ticket coordinator, assigned agents and admins post internal comments');
  if (input.parent_id) {
    const parent = await db.comment.findUnique({ where: { id: input.parent_id } });
    if (!parent || parent.ticketNumber !== input.ticket_id || (parent.isInternal && !access.internal)) {
      throw badRequest(
        'The parent comment does not exist on this ticket',
        { parent_id: ['Unknown comment on this ticket'] },
        'VALIDATION_ERROR',
      );
    }
    if (parent.parentId)
      throw badRequest('Reply to a top-level comment', { parent_id: ['Replies cannot be nested'] }, 'VALIDATION_ERROR');
    isInternal = isInternal || parent.isInternal; // a reply to an internal comment stays internal
  }
  return transaction(async (tx) => {
    const c = await tx.comment.create({
      data: {
        ticketNumber: input.ticket_id,
        userId: actor.id,
        username: actor.username,
        text: input.text,
        parentId: input.parent_id ?? null,
        isInternal,
      },
      include,
    });
    await writeAudit(tx, actor, {
      context: 'messaging',
      action: 'comment.create',
      entityType: 'comment',
      entityId: c.id,
      newValues: { ticket: c.ticketNumber, is_internal: isInternal, parent_id: c.parentId },
    });
    await notifyAboutItem(tx, actor, { key: `comment:${c.id}`, ticketNumber: c.ticketNumber, text: c.text, isInternal });
    publishComment(tx, c, 'created');
    return { ...commentDto(c, actor.id), replies: [] };
  });
}

export async function updateComment(actor: Actor, id: number, text: string) {
  const { comment } = await visibleComment(actor, id);
  assertCanChangeComment(actor, comment);
  return transaction(async (tx) => {
    const c = await tx.comment.update({ where: { id }, data: { text }, include });
    await writeAudit(tx, actor, {
      context: 'messaging',
      action: 'comment.update',
      entityType: 'comment',
      entityId: id,
      oldValues: { text: comment.text },
      newValues: { text },
    });
    publishComment(tx, c, 'updated');
    return commentDto(c, actor.id);
  });
}

export async function deleteComment(actor: Actor, id: number): Promise<void> {
  const { comment } = await visibleComment(actor, id);
  assertCanChangeComment(actor, comment);
  await transaction(async (tx) => {
    await tx.comment.delete({ where: { id } });
    await writeAudit(tx, actor, {
      context: 'messaging',
      action: 'comment.delete',
      entityType: 'comment',
      entityId: id,
      oldValues: { text: comment.text, ticket: comment.ticketNumber },
    });
    publishComment(tx, comment, 'deleted');
  });
}

/** Thumbs up or down, one per user: rating again replaces the earlier rating. */
export async function rateComment(actor: Actor, id: number, value: 'up' | 'down') {
  await visibleComment(actor, id);
  return transaction(async (tx) => {
    await tx.commentRating.upsert({
      where: { commentId_userId: { commentId: id, userId: actor.id } },
      create: { commentId: id, userId: actor.id, value },
      update: { value },
    });
    const c = await tx.comment.findUniqueOrThrow({ where: { id }, include });
    publishComment(tx, c, 'rated');
    return commentDto(c, actor.id);
  });
}

export async function postTicketMessage(actor: Actor, ticketNumber: string, text: string) {
  await requireInternalAccess(actor, ticketNumber);
  return transaction(async (tx) => {
    const m = await tx.ticketMessage.create({ data: { ticketNumber, userId: actor.id, username: actor.username, text } });
    await writeAudit(tx, actor, {
      context: 'messaging',
      action: 'message.create',
      entityType: 'ticket_message',
      entityId: m.id,
      newValues: { ticket: ticketNumber },
    });
    await notifyAboutItem(tx, actor, { key: `message:${m.id}`, ticketNumber, text, isInternal: true });
    publishMessage(tx, m, 'created');
    return messageDto(m);
  });
}

async function ownMessage(actor: Actor, ticketNumber: string, id: number) {
  await requireInternalAccess(actor, ticketNumber);
  const m = await db.ticketMessage.findFirst({ where: { id, ticketNumber } });
  if (!m) throw notFound('Message');
  assertCanChangeMessage(actor, m);
  return m;
}

export async function editTicketMessage(actor: Actor, ticketNumber: string, id: number, text: string) {
  const before = await ownMessage(actor, ticketNumber, id);
  if (before.unsentAt) throw badRequest('An unsent message cannot be edited', {}, 'MESSAGE_UNSENT');
  return transaction(async (tx) => {
    const m = await tx.ticketMessage.update({ where: { id }, data: { text, editedAt: new Date() } });
    await writeAudit(tx, actor, {
      context: 'messaging',
      action: 'message.update',
      entityType: 'ticket_message',
      entityId: id,
      oldValues: { text: before.text },
      newValues: { text },
    });
    publishMessage(tx, m, 'updated');
    return messageDto(m);
  });
}

export async function deleteTicketMessage(actor: Actor, ticketNumber: string, id: number): Promise<void> {
  const before = await ownMessage(actor, ticketNumber, id);
  await transaction(async (tx) => {
    await tx.ticketMessage.delete({ where: { id } });
    await writeAudit(tx, actor, {
      context: 'messaging',
      action: 'message.delete',
      entityType: 'ticket_message',
      entityId: id,
      oldValues: { text: before.text },
    });
    publishMessage(tx, before, 'deleted');
  });
}

/** Unsend: the message stays as "unsent" in the conversation, its text is gone for everyone. */
export async function unsendTicketMessage(actor: Actor, ticketNumber: string, id: number) {
  const before = await ownMessage(actor, ticketNumber, id);
  const alreadyUnsent = () => badRequest('This message was already unsent', {}, 'MESSAGE_UNSENT');
  if (before.unsentAt) throw alreadyUnsent();
  return transaction(async (tx) => {
    // Only one of two parallel unsends can win: the row is claimed while still sent.
    const claimed = await tx.ticketMessage.updateMany({
      where: { id, unsentAt: null },
      data: { unsentAt: new Date(), text: '' },
    });
    if (claimed.count !== 1) throw alreadyUnsent();
    const m = await tx.ticketMessage.findUniqueOrThrow({ where: { id } });
    await writeAudit(tx, actor, {
      context: 'messaging',
      action: 'message.unsend',
      entityType: 'ticket_message',
      entityId: id,
      oldValues: { text: before.text },
    });
    publishMessage(tx, m, 'unsent');
    return messageDto(m);
  });
}

/**
 * The job messaging.ticket_participant: record (or remove) who takes part in a ticket. Idempotent, and
 * order-proof: each (ticket, user, role) keeps the time of the newest change applied, and an older change
 * delivered late is ignored (transferred away and straight back: the "back" wins whichever arrives last).
 * A removal keeps the row, marked removed, for the same reason.
 */
export async function recordTicketParticipant(p: TicketParticipantPayload): Promise<void> {
  const at = p.changed_at ? new Date(p.changed_at) : new Date();
  const removedAt = p.remove ? at : null;
  await db.$executeRaw`
    INSERT INTO messaging.ticket_participants (ticket_number, user_id, role, changed_at, removed_at)
    VALUES (${p.ticket_number}, ${p.user_id}, ${p.role}, ${at}, ${removedAt})
    ON CONFLICT (ticket_number, user_id, role) DO UPDATE
      SET changed_at = EXCLUDED.changed_at, removed_at = EXCLUDED.removed_at
      WHERE ticket_participants.changed_at <= EXCLUDED.changed_at`;
  if (p.remove) {
    // sockets already in the ticket's rooms leave those the user may no longer join
    const who = await loadActor(p.user_id);
    const allowed = who ? await ticketRoomsFor(who, p.ticket_number) : [];
    leaveRooms(
      p.user_id,
      [ticketRoom(p.ticket_number, false), ticketRoom(p.ticket_number, true)].filter((r) => !allowed.includes(r)),
    );
  }
}

/** Files already streamed to storage and checked (lib/server/uploads.ts), attached to a comment by its author. */
export async function addCommentAttachments(
  actor: Actor,
  commentId: number,
  files: { filename: string; storedName: string; size: number; sha256: string; mimeType: string }[],
) {
  const { comment } = await visibleComment(actor, commentId);
  assertCanChangeComment(actor, comment);
  if (!files.length) throw badRequest('Attach at least one file', { file: ['No file was sent'] }, 'VALIDATION_ERROR');
  return transaction(async (tx) => {
    await tx.commentAttachment.createMany({
      data: files.map((f) => ({
        commentId,
        fileName: f.filename,
        contentType: f.mimeType,
        size: f.size,
        sha256: f.sha256,
        storagePath: f.storedName,
        uploadedBy: actor.id,
      })),
    });
    await writeAudit(tx, actor, {
      context: 'messaging',
      action: 'comment.attach',
      entityType: 'comment',
      entityId: commentId,
      newValues: { files: files.map((f) => ({ name: f.filename, sha256: f.sha256, size: f.size })) },
    });
    const c = await tx.comment.findUniqueOrThrow({ where: { id: commentId }, include });
    publishComment(tx, c, 'updated');
    return commentDto(c, actor.id);
  });
}

/** Precondition for accepting an upload: the caller may attach to this comment (checked before reading the body). */
export async function assertCanAttach(actor: Actor, commentId: number): Promise<void> {
  const { comment } = await visibleComment(actor, commentId);
  assertCanChangeComment(actor, comment);
}

/** An attachment of a comment the caller may see (else 404). */
export async function commentAttachmentForDownload(actor: Actor, commentId: number, attachmentId: number) {
  await visibleComment(actor, commentId);
  const a = await db.commentAttachment.findFirst({ where: { id: attachmentId, commentId } });
  if (!a) throw notFound('Attachment');
  return a;
}
