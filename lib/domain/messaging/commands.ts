import { db } from '@/lib/server/db';
import { leaveRooms } from '@/lib/server/realtime';
import type { Actor } from '../actor';
import type { TicketParticipantPayload } from '../contracts/participants';
import { forbidden, notFound } from '../errors';
import { resumeOnRequesterReply } from '../helpdesk/commands/requester-reply';
import { commentDto as helpdeskCommentDto } from '../helpdesk/queries';
import {
  assertCanAttachToComment,
  attachToComment,
  type CommentFile,
  editComment,
  mentionNames,
  rateThreadComment,
  removeComment,
  threadAccess,
  threadAttachmentForDownload,
  unsendComment,
  visibleThreadComment,
  writeComment,
} from '../helpdesk/thread';
import { usersByIds } from '../identity/directory';
import { loadActor } from '../identity/queries';
import { ticketRoomsFor } from './policy';
import { commentDto, messageDto, requireInternalThread } from './queries';
import type { CommentCreateInput } from './schemas';

// Comments and the coordinator ↔ agent messages are 002's APIs over the ticket's one thread, which the help desk
// stores (lib/domain/helpdesk/thread.ts: visibility, notifications and live events are decided there, once).

type Files = CommentFile[];

/** Rooms: public items go to `ticket:{n}` (everyone allowed to see the ticket), internal ones only to `ticket:{n}:internal`. */
export function ticketRoom(ticketNumber: string, internal: boolean) {
  return internal ? `ticket:${ticketNumber}:internal` : `ticket:${ticketNumber}`;
}

export async function createComment(actor: Actor, input: CommentCreateInput, files: Files = []) {
  const access = await threadAccess(actor, input.ticket_id);
  const { row, names, mentioned } = await writeComment(
    actor,
    access,
    { body: input.text, isInternal: input.is_internal, parentId: input.parent_id ?? null },
    helpdeskCommentDto,
    files,
  );
  await resumeOnRequesterReply(actor, access.ticket, row.isInternal);
  return { ...commentDto(row, access.ticket.ticketNumber, names, actor.id, mentioned), replies: [] };
}

export async function updateComment(actor: Actor, id: number, text: string) {
  const { row, names, mentioned } = await editComment(actor, id, text, helpdeskCommentDto);
  const { comment } = await visibleThreadComment(actor, id);
  return commentDto(row, comment.ticket.ticketNumber, names, actor.id, mentioned);
}

export async function deleteComment(actor: Actor, id: number): Promise<void> {
  await removeComment(actor, id);
}

/** Thumbs up or down, one per user: rating again replaces the earlier rating. */
export async function rateComment(actor: Actor, id: number, value: 'up' | 'down') {
  const row = await rateThreadComment(actor, id, value);
  const { comment } = await visibleThreadComment(actor, id);
  const [names, mentioned] = await Promise.all([usersByIds([row.authorId]), mentionNames([row.body])]);
  return commentDto(row, comment.ticket.ticketNumber, names, actor.id, mentioned);
}

/** A message in the coordinator ↔ agent chat: an internal comment of the thread (staff only). */
export async function postTicketMessage(actor: Actor, ticketNumber: string, text: string) {
  const access = await requireInternalThread(actor, ticketNumber);
  const { row, names, mentioned } = await writeComment(actor, access, { body: text, isInternal: true });
  return messageDto(row, ticketNumber, names, mentioned);
}

async function ownMessage(actor: Actor, ticketNumber: string, id: number) {
  await requireInternalThread(actor, ticketNumber);
  const { comment } = await visibleThreadComment(actor, id).catch(() => {
    throw notFound('Message');
  });
  if (comment.ticket.ticketNumber !== ticketNumber || !comment.isInternal) throw notFound('Message');
  if (comment.authorId !== actor.id) throw forbidden('Only the author can change this message');
  return comment;
}

export async function editTicketMessage(actor: Actor, ticketNumber: string, id: number, text: string) {
  await ownMessage(actor, ticketNumber, id);
  const { row, names, mentioned } = await editComment(actor, id, text);
  return messageDto(row, ticketNumber, names, mentioned);
}

export async function deleteTicketMessage(actor: Actor, ticketNumber: string, id: number): Promise<void> {
  await ownMessage(actor, ticketNumber, id);
  await removeComment(actor, id, { authorOnly: true });
}

/** Unsend: the message stays as "unsent" in the conversation, its text is gone for everyone. */
export async function unsendTicketMessage(actor: Actor, ticketNumber: string, id: number) {
  await ownMessage(actor, ticketNumber, id);
  const row = await unsendComment(actor, id);
  return messageDto(row, ticketNumber, await usersByIds([row.authorId]));
}

/**
 * The job messaging.ticket_participant: record (or remove) who takes part in a ticket. Idempotent, and
 * order-proof: each (ticket, user, role) keeps the time of the newest change applied, and an older change
 * delivered late is ignored (transferred away and straight back: the "back" wins whichever arrives last).
 * A removal keeps the row, marked removed, for the same reason.
 */
export async function recordTicketParticipant(p: TicketParticipantPayload): Promise<void> {
  await recordTicketParticipants([p]);
}

/**
 * A batch of participant changes in one statement (each routed ticket brings three: requester, agent, owner).
 * Within the batch the newest change of each (ticket, user, role) is the one written, as if applied in turn.
 */
export async function recordTicketParticipants(changes: TicketParticipantPayload[]): Promise<void> {
  const now = new Date();
  const newest = new Map<string, { p: TicketParticipantPayload; at: Date }>();
  for (const p of changes) {
    const at = p.changed_at ? new Date(p.changed_at) : now;
    const key = `${p.ticket_number}|${p.user_id}|${p.role}`;
    const seen = newest.get(key);
    if (!seen || seen.at.getTime() <= at.getTime()) newest.set(key, { p, at });
  }
  const rows = [...newest.values()];
  await db.$executeRaw`
    INSERT INTO messaging.ticket_participants (ticket_number, user_id, role, changed_at, removed_at)
    SELECT * FROM unnest(${rows.map((r) => r.p.ticket_number)}::text[], ${rows.map((r) => r.p.user_id)}::int[],
      ${rows.map((r) => r.p.role)}::text[], ${rows.map((r) => r.at)}::timestamptz[],
      ${rows.map((r) => (r.p.remove ? r.at : null))}::timestamptz[])
    ON CONFLICT (ticket_number, user_id, role) DO UPDATE
      SET changed_at = EXCLUDED.changed_at, removed_at = EXCLUDED.removed_at
      WHERE ticket_participants.changed_at <= EXCLUDED.changed_at`;
  for (const { p } of rows) {
    if (!p.remove) continue;
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
export async function addCommentAttachments(actor: Actor, commentId: number, files: Files) {
  const row = await attachToComment(actor, commentId, files);
  const { comment } = await visibleThreadComment(actor, commentId);
  return commentDto(row, comment.ticket.ticketNumber, await usersByIds([row.authorId]), actor.id);
}

/** Precondition for accepting an upload: the caller may attach to this comment (checked before reading the body). */
export async function assertCanAttach(actor: Actor, commentId: number): Promise<void> {
  await assertCanAttachToComment(actor, commentId);
}

/** An attachment of a comment the caller may see (else 404). */
export async function commentAttachmentForDownload(actor: Actor, commentId: number, attachmentId: number) {
  return threadAttachmentForDownload(actor, commentId, attachmentId);
}
