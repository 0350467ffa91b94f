// Messaging's 002 views of the ticket's one thread (stored by the help desk, lib/domain/helpdesk/thread.ts).
import { db } from '@/lib/server/db';
import type { Actor } from '../actor';
import { forbidden } from '../errors';
import {
  type MentionNames,
  mentionNames,
  mentionsOf,
  type ThreadRow,
  threadAccess,
  threadInclude,
  threadWhere,
  visibleThreadComment,
} from '../helpdesk/thread';
import type { DirectoryUser } from '../identity/directory';
import { usersByIds } from '../identity/directory';
import { Page } from '../pagination';
import type { CommentListQuery } from './schemas';

type Names = Map<number, Pick<DirectoryUser, 'username' | 'name'>>;

export function commentDto(c: ThreadRow, ticketNumber: string, names: Names, viewerId: number, mentioned: MentionNames = {}) {
  const mine = c.ratings.find((r) => r.userId === viewerId)?.value;
  return {
    id: c.id,
    ticket_id: ticketNumber,
    user_id: c.authorId,
    username: names.get(c.authorId)?.username ?? '',
    user_name: names.get(c.authorId)?.name ?? null,
    text: c.unsentAt ? '' : c.body,
    mentions: mentionsOf(c, mentioned),
    parent_id: c.parentId,
    is_internal: c.isInternal,
    is_unsent: !!c.unsentAt,
    edited_at: c.editedAt?.toISOString() ?? null,
    ratings: {
      thumbs_up: c.ratings.filter((r) => r.value === 'up').length,
      thumbs_down: c.ratings.filter((r) => r.value === 'down').length,
    },
    my_rating: mine === 'up' ? 'thumbs_up' : mine === 'down' ? 'thumbs_down' : null,
    attachments: c.attachments.map((a) => ({
      id: a.id,
      file_name: a.fileName,
      content_type: a.contentType,
      size: a.size,
      url: `/messaging/api/comments/${c.id}/attachments/${a.id}/`,
      created_at: a.createdAt.toISOString(),
    })),
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}
export type CommentDto = ReturnType<typeof commentDto> & { replies?: CommentDto[] };

/** Top-level comments of a ticket (oldest first) with their replies; internal ones only for staff. */
export async function listComments(actor: Actor, q: CommentListQuery): Promise<Page<CommentDto>> {
  const access = await threadAccess(actor, q.ticket_id);
  const scope = threadWhere(access, q.visibility);
  const where = { ...scope, parentId: null };
  const [count, top] = await Promise.all([
    db.ticketComment.count({ where }),
    db.ticketComment.findMany({
      where,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      skip: (q.page - 1) * q.page_size,
      take: q.page_size,
      include: threadInclude,
    }),
  ]);
  const replies = top.length
    ? await db.ticketComment.findMany({
        where: { ...scope, parentId: { in: top.map((c) => c.id) } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        include: threadInclude,
      })
    : [];
  const [names, mentioned] = await Promise.all([
    usersByIds([...top, ...replies].map((c) => c.authorId)),
    mentionNames([...top, ...replies].map((c) => c.body)),
  ]);
  const n = access.ticket.ticketNumber;
  const results = top.map((c) => ({
    ...commentDto(c, n, names, actor.id, mentioned),
    replies: replies.filter((r) => r.parentId === c.id).map((r) => commentDto(r, n, names, actor.id, mentioned)),
  }));
  return new Page(count, results, q.page, q.page_size);
}

export async function getComment(actor: Actor, id: number) {
  const { comment } = await visibleThreadComment(actor, id);
  const [names, mentioned] = await Promise.all([usersByIds([comment.authorId]), mentionNames([comment.body])]);
  return commentDto(comment, comment.ticket.ticketNumber, names, actor.id, mentioned);
}

/** A comment as the coordinator ↔ agent chat shows it. */
export function messageDto(c: ThreadRow, ticketNumber: string, names: Names, mentioned: MentionNames = {}) {
  return {
    id: c.id,
    ticket_id: ticketNumber,
    user_id: c.authorId,
    username: names.get(c.authorId)?.username ?? '',
    user_name: names.get(c.authorId)?.name ?? null,
    text: c.unsentAt ? '' : c.body,
    mentions: mentionsOf(c, mentioned),
    parent_id: c.parentId,
    is_unsent: !!c.unsentAt,
    edited_at: c.editedAt?.toISOString() ?? null,
    unsent_at: c.unsentAt?.toISOString() ?? null,
    created_at: c.createdAt.toISOString(),
  };
}

/** Staff only: the thread's internal side is the coordinator ↔ agent conversation (a requester gets 403). */
export async function requireInternalThread(actor: Actor, ticketNumber: string) {
  const access = await threadAccess(actor, ticketNumber);
  if (!access.internal) throw forbidden('Only the ticket coordinator, assigned agents and admins take part in this conversation');
  return access;
}

/** The coordinator ↔ agent conversation of a ticket (its internal comments), oldest first. */
export async function listTicketMessages(actor: Actor, ticketNumber: string, q: { page: number; page_size: number }) {
  const access = await requireInternalThread(actor, ticketNumber);
  const where = threadWhere(access, 'internal');
  const [count, rows] = await Promise.all([
    db.ticketComment.count({ where }),
    db.ticketComment.findMany({
      where,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      skip: (q.page - 1) * q.page_size,
      take: q.page_size,
      include: threadInclude,
    }),
  ]);
  const [names, mentioned] = await Promise.all([usersByIds(rows.map((r) => r.authorId)), mentionNames(rows.map((r) => r.body))]);
  return new Page(
    count,
    rows.map((r) => messageDto(r, ticketNumber, names, mentioned)),
    q.page,
    q.page_size,
  );
}
