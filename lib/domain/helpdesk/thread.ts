// The ticket's one conversation (ARCHITECTURE §7): every comment API (001/003/004 and messaging's 002 comments
// and coordinator ↔ agent messages) reads and writes these rows, with one set of visibility rules.
import type { Prisma } from '@/lib/generated/prisma/client';
import { afterCommit, db, type Tx, transaction } from '@/lib/server/db';
import { publish } from '@/lib/server/realtime';
import type { Actor } from '../actor';
import { notify } from '../contracts/notify';
import { badRequest, forbidden, notFound } from '../errors';
import { type DirectoryUser, usersByIds, usersByUsernames } from '../identity/directory';
import { loadActor } from '../identity/queries';
import { NOTIFICATION_TYPES } from '../notifications/schemas';
import { history, recordAudit } from './history';
import { mentionedUsernames } from './mentions';
import { assertCanDeleteComment, assertCanEditComment, assertCanSee, canSeeInternal, canSeeTicket } from './policy';

export const threadInclude = {
  ratings: { select: { userId: true, value: true } },
  attachments: { select: { id: true, fileName: true, contentType: true, size: true, createdAt: true }, orderBy: { id: 'asc' } },
} as const satisfies Prisma.TicketCommentInclude;
export type ThreadRow = Prisma.TicketCommentGetPayload<{ include: typeof threadInclude }>;

type TicketRef = { id: number; ticketNumber: string; employeeId: number; ownerId: number | null; assigneeId: number | null };

export interface ThreadAccess {
  ticket: TicketRef & { status: string; subject: string };
  /** May read and write internal comments. */
  internal: boolean;
}

/** The caller's access to a ticket's thread, by ticket id or number; a ticket they may not see is a 404. */
export async function threadAccess(actor: Actor, ref: string | number): Promise<ThreadAccess> {
  const where = typeof ref === 'number' || /^\d+$/.test(ref) ? { id: Number(ref) } : { ticketNumber: ref };
  const t = assertCanSee(actor, await db.ticket.findUnique({ where }));
  return { ticket: t, internal: canSeeInternal(actor, t) };
}

/** One comment the caller may see (else 404, also for internal comments they may not read). */
export async function visibleThreadComment(actor: Actor, id: number) {
  const c = await db.ticketComment.findUnique({ where: { id }, include: { ...threadInclude, ticket: true } });
  if (!c) throw notFound('Comment');
  if (!canSeeTicket(actor, c.ticket)) throw notFound('Comment');
  const internal = canSeeInternal(actor, c.ticket);
  if (c.isInternal && !internal) throw notFound('Comment');
  return { comment: c, access: { ticket: c.ticket, internal } satisfies ThreadAccess };
}

export type Visibility = 'all' | 'public' | 'internal';

/** Where-clause for a ticket's thread as the caller may read it (`visibility` narrows further). */
export function threadWhere(access: ThreadAccess, visibility: Visibility = 'all'): Prisma.TicketCommentWhereInput {
  if (!access.internal || visibility === 'public') return { ticketId: access.ticket.id, isInternal: false };
  if (visibility === 'internal') return { ticketId: access.ticket.id, isInternal: true };
  return { ticketId: access.ticket.id };
}

/** Authors' names and usernames for a set of rows. */
export function authorsOf(rows: { authorId: number }[]): Promise<Map<number, DirectoryUser>> {
  return usersByIds(rows.map((r) => r.authorId));
}

/** Lowercased username → display name of mentioned people (`mentionNames`). */
export type MentionNames = Record<string, string>;

/** Display names of the people the texts mention (lowercased username → name), for showing mentions by name. */
export async function mentionNames(texts: string[]): Promise<MentionNames> {
  return mentionNamesOf(await usersByUsernames(mentionedIn(texts)));
}

/** The usernames the texts mention, each once (at most 200 looked up). */
export function mentionedIn(texts: string[]): string[] {
  return [...new Set(texts.flatMap((t) => mentionedUsernames(t)))].slice(0, 200);
}

/** Lowercased username → name of people already looked up (`mentionedIn`'s usernames). */
export function mentionNamesOf(users: DirectoryUser[]): MentionNames {
  return Object.fromEntries(users.map((u) => [u.username.toLowerCase(), u.name]));
}

/**
 * A comment's `mentions`: the people its text mentions who exist, by name (every thread answer, help desk and
 * messaging, shows "@Casey Reyes" for "@coordinator1"); an unsent comment mentions no one.
 */
export function mentionsOf(c: { body: string; unsentAt: Date | null }, names: MentionNames): MentionNames {
  if (c.unsentAt) return {};
  return Object.fromEntries(mentionedUsernames(c.body).flatMap((u) => (names[u] ? [[u, names[u]]] : [])));
}

/** How a public comment is rendered into its live event (and the caller's answer): row, authors, mentioned names. */
export type ThreadRender = (row: ThreadRow, names: Map<number, DirectoryUser>, mentioned: MentionNames) => unknown;

/** The link of a ticket in notifications: the conversation page sends each reader to their own portal's page. */
export const conversationLink = (ticketNumber: string) => `/tickets/${ticketNumber}/conversation`;

/**
 * Who hears about a new comment (inside its transaction; never its author):
 * - an @mention reaches the mentioned user when they may read the comment (`mention`);
 * - a public comment by staff reaches the requester; a public comment by the requester reaches the owner and
 *   the current assignee (`comment_public`);
 * - an internal comment reaches the owner and the current assignee, never the requester (`comment_internal`).
 */
async function notifyAboutComment(tx: Tx, actor: Actor, t: TicketRef, c: { id: number; body: string; isInternal: boolean }) {
  const mentioned = new Set<number>();
  const names = mentionedUsernames(c.body);
  if (names.length) {
    for (const u of await usersByUsernames(names)) {
      if (u.id === actor.id || !u.isActive) continue;
      const asActor = await loadActor(u.id).catch(() => null);
      if (!asActor) continue;
      if (canSeeTicket(asActor, t) && (!c.isInternal || canSeeInternal(asActor, t))) mentioned.add(u.id);
    }
  }
  const preview = c.body.length > 280 ? `${c.body.slice(0, 277)}...` : c.body;
  const link = conversationLink(t.ticketNumber);
  if (mentioned.size) {
    await notify(tx, {
      user_ids: [...mentioned],
      type: NOTIFICATION_TYPES.mention,
      title: `${actor.name} mentioned you on ${t.ticketNumber}`,
      message: preview,
      ticket_number: t.ticketNumber,
      link,
      dedupe_key: `comment:${c.id}:mention`,
    });
  }
  const staff = [t.ownerId, t.assigneeId].filter((x): x is number => !!x);
  const byRequester = actor.id === t.employeeId;
  const type = c.isInternal ? NOTIFICATION_TYPES.commentInternal : NOTIFICATION_TYPES.commentPublic;
  const recipients = [...new Set(c.isInternal || byRequester ? staff : [t.employeeId])].filter(
    (id) => id !== actor.id && !mentioned.has(id) && !(c.isInternal && id === t.employeeId),
  );
  if (recipients.length) {
    await notify(tx, {
      user_ids: recipients,
      type,
      title: c.isInternal ? `New internal note on ${t.ticketNumber}` : `New reply on ${t.ticketNumber}`,
      message: `${actor.name}: ${preview}`,
      ticket_number: t.ticketNumber,
      link,
      dedupe_key: `comment:${c.id}:${type}`,
    });
  }
}

export type ThreadAction = 'created' | 'updated' | 'deleted' | 'rated' | 'unsent';

/**
 * After commit, a small event: public comments to `ticket:{n}` (everyone who may see the ticket), internal
 * ones to `ticket:{n}:internal` (staff). Clients re-read through the API, which applies the visibility rules;
 * `render` (public comments only) lets the help-desk pages update without a round trip.
 */
export function publishThread(
  tx: Tx,
  ticketNumber: string,
  c: { id: number; isInternal: boolean },
  action: ThreadAction,
  render?: unknown,
) {
  afterCommit(tx, () => {
    const event = {
      type: 'comment_update',
      source: 'thread',
      action,
      comment_id: c.id,
      ticket_id: ticketNumber,
      is_internal: c.isInternal,
      ...(c.isInternal ? {} : { comment: action === 'deleted' ? null : (render ?? null) }),
    };
    publish(c.isInternal ? `ticket:${ticketNumber}:internal` : `ticket:${ticketNumber}`, 'comment_update', event);
    // the coordinator ↔ agent chat listens to its own event name
    if (c.isInternal)
      publish(`ticket:${ticketNumber}:internal`, 'message_update', {
        type: 'message_update',
        action,
        message_id: c.id,
        ticket_id: ticketNumber,
      });
  });
}

export interface NewComment {
  body: string;
  isInternal: boolean;
  parentId?: number | null;
}

/**
 * Write a comment on the ticket's thread. A requester cannot write internal notes (403); a reply's parent must
 * be a visible top-level comment of the same ticket (400); a reply to an internal comment stays internal.
 * `render` turns the stored row into the event payload of public comments.
 */
export async function writeComment(
  actor: Actor,
  access: ThreadAccess,
  input: NewComment,
  render?: ThreadRender,
  files: CommentFile[] = [],
) {
  const t = access.ticket;
  if (input.isInternal && !access.internal) throw forbidden('Only staff can write internal notes');
  let isInternal = input.isInternal;
  if (input.parentId) {
    const parent = await db.ticketComment.findUnique({ where: { id: input.parentId } });
    if (!parent || parent.ticketId !== t.id || (parent.isInternal && !access.internal)) {
      throw badRequest(
        'The parent comment does not exist on this ticket',
        { parent_id: ['Unknown comment on this ticket'] },
        'VALIDATION_ERROR',
      );
    }
    if (parent.parentId)
      throw badRequest('Reply to a top-level comment', { parent_id: ['Replies cannot be nested'] }, 'VALIDATION_ERROR');
    isInternal = isInternal || parent.isInternal;
  }
  const [names, mentioned] = await Promise.all([usersByIds([actor.id]), mentionNames([input.body])]);
  return transaction(async (tx) => {
    const created = await tx.ticketComment.create({
      data: { ticketId: t.id, authorId: actor.id, body: input.body, isInternal, parentId: input.parentId ?? null },
    });
    if (files.length) await attachRows(tx, actor, created.id, files);
    const c = await tx.ticketComment.findUniqueOrThrow({ where: { id: created.id }, include: threadInclude });
    // the history says a comment was added, never which one (ids would reveal that internal notes exist)
    await history(tx, t.id, actor, 'COMMENT_ADDED', { field: 'comment', isPublic: !isInternal });
    await recordAudit(tx, actor, {
      context: 'helpdesk',
      action: 'comment.create',
      entityType: 'ticket_comment',
      entityId: c.id,
      newValues: { ticket: t.ticketNumber, internal: isInternal, parent_id: c.parentId },
    });
    await notifyAboutComment(tx, actor, t, c);
    publishThread(tx, t.ticketNumber, c, 'created', render?.(c, names, mentioned));
    return { row: c, names, mentioned };
  });
}

/** Edit a comment's text (its author only; an unsent one cannot be edited). */
export async function editComment(
  actor: Actor,
  id: number,
  body: string,
  render?: ThreadRender,
  opts: { ticketNumber?: string } = {},
) {
  const { comment } = await visibleThreadComment(actor, id);
  if (opts.ticketNumber && comment.ticket.ticketNumber !== opts.ticketNumber) throw notFound('Message');
  assertCanEditComment(actor, comment);
  if (comment.unsentAt) throw badRequest('An unsent message cannot be edited', {}, 'MESSAGE_UNSENT');
  const [names, mentioned] = await Promise.all([usersByIds([comment.authorId]), mentionNames([body])]);
  return transaction(async (tx) => {
    const c = await tx.ticketComment.update({ where: { id }, data: { body, editedAt: new Date() }, include: threadInclude });
    await recordAudit(tx, actor, {
      context: 'helpdesk',
      action: 'comment.update',
      entityType: 'ticket_comment',
      entityId: id,
      oldValues: { body: comment.body },
      newValues: { body },
    });
    publishThread(tx, comment.ticket.ticketNumber, c, 'updated', render?.(c, names, mentioned));
    return { row: c, names, mentioned };
  });
}

/** Delete a comment (its author or an admin; replies go with it). */
export async function removeComment(actor: Actor, id: number, opts: { ticketNumber?: string; authorOnly?: boolean } = {}) {
  const { comment } = await visibleThreadComment(actor, id);
  if (opts.ticketNumber && comment.ticket.ticketNumber !== opts.ticketNumber) throw notFound('Message');
  if (opts.authorOnly) assertCanEditComment(actor, comment);
  else assertCanDeleteComment(actor, comment);
  await transaction(async (tx) => {
    await tx.ticketComment.delete({ where: { id } });
    await recordAudit(tx, actor, {
      context: 'helpdesk',
      action: 'comment.delete',
      entityType: 'ticket_comment',
      entityId: id,
      oldValues: { body: comment.body, ticket: comment.ticket.ticketNumber },
    });
    publishThread(tx, comment.ticket.ticketNumber, comment, 'deleted');
  });
}

/** Unsend: the comment stays in the thread as "unsent", its text is gone for everyone (author only, once). */
export async function unsendComment(actor: Actor, id: number, opts: { ticketNumber?: string } = {}) {
  const { comment } = await visibleThreadComment(actor, id);
  if (opts.ticketNumber && comment.ticket.ticketNumber !== opts.ticketNumber) throw notFound('Message');
  assertCanEditComment(actor, comment);
  const alreadyUnsent = () => badRequest('This message was already unsent', {}, 'MESSAGE_UNSENT');
  if (comment.unsentAt) throw alreadyUnsent();
  return transaction(async (tx) => {
    // only one of two parallel unsends wins: the row is claimed while still sent
    const claimed = await tx.ticketComment.updateMany({
      where: { id, unsentAt: null },
      data: { unsentAt: new Date(), body: '' },
    });
    if (claimed.count !== 1) throw alreadyUnsent();
    const c = await tx.ticketComment.findUniqueOrThrow({ where: { id }, include: threadInclude });
    await recordAudit(tx, actor, {
      context: 'helpdesk',
      action: 'comment.unsend',
      entityType: 'ticket_comment',
      entityId: id,
      oldValues: { body: comment.body },
    });
    publishThread(tx, comment.ticket.ticketNumber, c, 'unsent');
    return c;
  });
}

/** Thumbs up or down, one per user: rating again replaces the earlier rating. */
export async function rateThreadComment(actor: Actor, id: number, value: 'up' | 'down') {
  const { comment } = await visibleThreadComment(actor, id);
  return transaction(async (tx) => {
    await tx.ticketCommentRating.upsert({
      where: { commentId_userId: { commentId: id, userId: actor.id } },
      create: { commentId: id, userId: actor.id, value },
      update: { value },
    });
    const c = await tx.ticketComment.findUniqueOrThrow({ where: { id }, include: threadInclude });
    publishThread(tx, comment.ticket.ticketNumber, c, 'rated');
    return c;
  });
}

export interface CommentFile {
  filename: string;
  storedName: string;
  size: number;
  sha256: string;
  mimeType: string;
}

async function attachRows(tx: Tx, actor: Actor, commentId: number, files: CommentFile[]) {
  await tx.ticketCommentAttachment.createMany({
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
  await recordAudit(tx, actor, {
    context: 'helpdesk',
    action: 'comment.attach',
    entityType: 'ticket_comment',
    entityId: commentId,
    newValues: { files: files.map((f) => ({ name: f.filename, sha256: f.sha256, size: f.size })) },
  });
}

/** Precondition for accepting an upload to a comment: the caller wrote it (checked before reading the body). */
export async function assertCanAttachToComment(actor: Actor, commentId: number) {
  const { comment } = await visibleThreadComment(actor, commentId);
  if (comment.authorId !== actor.id) throw forbidden('Only the author can attach files to this comment');
  return comment;
}

/** Files already streamed to storage and checked (lib/server/uploads.ts), attached to a comment by its author. */
export async function attachToComment(actor: Actor, commentId: number, files: CommentFile[]) {
  const comment = await assertCanAttachToComment(actor, commentId);
  if (!files.length) throw badRequest('Attach at least one file', { file: ['No file was sent'] }, 'VALIDATION_ERROR');
  return transaction(async (tx) => {
    await attachRows(tx, actor, commentId, files);
    const c = await tx.ticketComment.findUniqueOrThrow({ where: { id: commentId }, include: threadInclude });
    publishThread(tx, comment.ticket.ticketNumber, c, 'updated');
    return c;
  });
}

/** An attachment of a comment the caller may see (else 404). */
export async function threadAttachmentForDownload(actor: Actor, commentId: number, attachmentId: number) {
  await visibleThreadComment(actor, commentId);
  const a = await db.ticketCommentAttachment.findFirst({ where: { id: attachmentId, commentId } });
  if (!a) throw notFound('Attachment');
  return a;
}
