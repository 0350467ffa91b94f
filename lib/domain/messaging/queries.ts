import { db } from '@/lib/server/db';
import type { Actor } from '../actor';
import { notFound } from '../errors';
import { Page } from '../pagination';
import { canSeeComment, requireInternalAccess, requireTicketVisible } from './policy';
import type { CommentListQuery } from './schemas';

const commentInclude = {
  ratings: { select: { userId: true, value: true } },
  attachments: { select: { id: true, fileName: true, contentType: true, size: true, createdAt: true } },
} as const;

type CommentRow = {
  id: number;
  ticketNumber: string;
  userId: number;
  username: string;
  text: string;
  parentId: number | null;
  isInternal: boolean;
  createdAt: Date;
  updatedAt: Date;
  ratings: { userId: number; value: string }[];
  attachments: { id: number; fileName: string; contentType: string; size: number; createdAt: Date }[];
};

export function commentDto(c: CommentRow, viewerId: number) {
  return {
    id: c.id,
    ticket_id: c.ticketNumber,
    user_id: c.userId,
    username: c.username,
    text: c.text,
    parent_id: c.parentId,
    is_internal: c.isInternal,
    ratings: {
      thumbs_up: c.ratings.filter((r) => r.value === 'up').length,
      thumbs_down: c.ratings.filter((r) => r.value === 'down').length,
    },
    my_rating:
      c.ratings.find((r) => r.userId === viewerId)?.value === 'up'
        ? 'thumbs_up'
        : c.ratings.some((r) => r.userId === viewerId)
          ? 'thumbs_down'
          : null,
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

/** Top-level comments of a ticket (oldest first) with their replies; internal ones only for internal viewers. */
export async function listComments(actor: Actor, q: CommentListQuery): Promise<Page<CommentDto>> {
  const access = await requireTicketVisible(actor, q.ticket_id);
  const scope = { ticketNumber: q.ticket_id, ...(access.internal ? {} : { isInternal: false }) };
  const where = { ...scope, parentId: null };
  const [count, top] = await Promise.all([
    db.comment.count({ where }),
    db.comment.findMany({
      where,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      skip: (q.page - 1) * q.page_size,
      take: q.page_size,
      include: commentInclude,
    }),
  ]);
  const replies = top.length
    ? await db.comment.findMany({
        where: { ...scope, parentId: { in: top.map((c) => c.id) } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        include: commentInclude,
      })
    : [];
  const results = top.map((c) => ({
    ...commentDto(c, actor.id),
    replies: replies.filter((r) => r.parentId === c.id).map((r) => commentDto(r, actor.id)),
  }));
  return new Page(count, results, q.page, q.page_size);
}

/** One comment the caller may see (else 404), with its access. */
export async function visibleComment(actor: Actor, id: number) {
  const c = await db.comment.findUnique({ where: { id }, include: commentInclude });
  if (!c) throw notFound('Comment');
  const access = await requireTicketVisible(actor, c.ticketNumber).catch(() => {
    throw notFound('Comment');
  });
  if (!canSeeComment(access, c)) throw notFound('Comment');
  return { comment: c, access };
}

export async function getComment(actor: Actor, id: number) {
  const { comment } = await visibleComment(actor, id);
  return commentDto(comment, actor.id);
}

export function messageDto(m: {
  id: number;
  ticketNumber: string;
  userId: number;
  username: string;
  text: string;
  editedAt: Date | null;
  unsentAt: Date | null;
  createdAt: Date;
}) {
  return {
    id: m.id,
    ticket_id: m.ticketNumber,
    user_id: m.userId,
    username: m.username,
    text: m.unsentAt ? '' : m.text,
    is_unsent: !!m.unsentAt,
    edited_at: m.editedAt?.toISOString() ?? null,
    unsent_at: m.unsentAt?.toISOString() ?? null,
    created_at: m.createdAt.toISOString(),
  };
}

/** The coordinator ↔ agent conversation of a ticket, oldest first. */
export async function listTicketMessages(actor: Actor, ticketNumber: string, q: { page: number; page_size: number }) {
  await requireInternalAccess(actor, ticketNumber);
  const where = { ticketNumber };
  const [count, rows] = await Promise.all([
    db.ticketMessage.count({ where }),
    db.ticketMessage.findMany({
      where,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      skip: (q.page - 1) * q.page_size,
      take: q.page_size,
    }),
  ]);
  return new Page(count, rows.map(messageDto), q.page, q.page_size);
}
