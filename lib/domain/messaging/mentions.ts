// @mention suggestions for a ticket's composer: the people a mention would reach (the notifier's rule in
// helpdesk/thread.ts: they may read the comment), matched by name or username.
import type { Actor } from '../actor';
import { canSeeInternal, canSeeTicket } from '../helpdesk/policy';
import { threadAccess } from '../helpdesk/thread';
import { mentionCandidates } from '../identity/directory';
import type { MentionQuery } from './schemas';

const LIMIT = 8;

/**
 * People who may take part in the ticket's conversation and whose name or username contains `q`: requester,
 * owner, assignee and the staff who see every ticket; for an internal note only those who may read it. The
 * caller must see the ticket (404 otherwise); they are never suggested themselves.
 */
export async function mentionableUsers(actor: Actor, ticket: string, q: MentionQuery) {
  const access = await threadAccess(actor, ticket);
  const t = access.ticket;
  const internal = q.internal && access.internal;
  const candidates = await mentionCandidates([t.employeeId, t.ownerId ?? 0, t.assigneeId ?? 0], q.q ?? '', 40);
  const results = candidates
    .filter((u) => u.id !== actor.id && canSeeTicket(u, t) && (!internal || canSeeInternal(u, t)))
    .slice(0, LIMIT)
    .map((u) => ({ id: u.id, username: u.username, name: u.name }));
  return { results };
}
