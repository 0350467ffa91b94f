// Saved replies (issue 19): personal (the owner's alone) or shared by admins with all staff; placeholders are
// filled for the ticket at hand when read with `?ticket=` (the caller must see that ticket).
import { db, transaction } from '@/lib/server/db';
import type { Actor } from '../actor';
import { writeAudit } from '../audit';
import { threadAccess } from '../helpdesk/thread';
import { userById } from '../identity/directory';
import type { CannedInput, CannedPatch, CannedPlaceholder, CannedQuery } from './canned-schemas';
import { fillPlaceholders } from './canned-schemas';
import { assertCanChangeCanned, assertCanSeeCanned, assertCanShareCanned, assertSavedReplies } from './policy';

type CannedRow = { id: number; ownerId: number; title: string; body: string; shared: boolean; createdAt: Date; updatedAt: Date };

const toCanned = (actor: Actor, r: CannedRow, values: Record<CannedPlaceholder, string> | null) => ({
  id: r.id,
  title: r.title,
  body: r.body,
  shared: r.shared,
  owner_id: r.ownerId,
  mine: r.ownerId === actor.id,
  /** The body with its placeholders filled for `?ticket=` (absent without it). */
  ...(values ? { filled_body: fillPlaceholders(r.body, values) } : {}),
  created_at: r.createdAt.toISOString(),
  updated_at: r.updatedAt.toISOString(),
});
export type CannedResponse = ReturnType<typeof toCanned>;

/** The placeholder values for a ticket the caller may see (else 404), with the caller as the agent. */
async function valuesFor(actor: Actor, ticket: string | undefined): Promise<Record<CannedPlaceholder, string> | null> {
  if (!ticket) return null;
  const { ticket: t } = await threadAccess(actor, ticket);
  const requester = await userById(t.employeeId);
  const name = requester?.name ?? '';
  return {
    'requester.name': name,
    'requester.first_name': name.split(/\s+/)[0] ?? '',
    'ticket.number': t.ticketNumber,
    'ticket.subject': t.subject,
    'agent.name': actor.name,
  };
}

/** The caller's own saved replies and the shared ones, by title. */
export async function listCannedResponses(actor: Actor, q: CannedQuery) {
  assertSavedReplies(actor);
  const [values, rows] = await Promise.all([
    valuesFor(actor, q.ticket),
    db.cannedResponse.findMany({
      where: {
        OR: [{ ownerId: actor.id }, { shared: true }],
        ...(q.q
          ? {
              AND: [
                { OR: [{ title: { contains: q.q, mode: 'insensitive' } }, { body: { contains: q.q, mode: 'insensitive' } }] },
              ],
            }
          : {}),
      },
      orderBy: [{ title: 'asc' }, { id: 'asc' }],
      take: 200,
    }),
  ]);
  return { results: rows.map((r) => toCanned(actor, r, values)) };
}

export async function getCannedResponse(actor: Actor, id: number, q: CannedQuery) {
  assertSavedReplies(actor);
  const r = assertCanSeeCanned(actor, await db.cannedResponse.findUnique({ where: { id } }));
  return toCanned(actor, r, await valuesFor(actor, q.ticket));
}

export async function createCannedResponse(actor: Actor, input: CannedInput) {
  assertSavedReplies(actor);
  if (input.shared) assertCanShareCanned(actor);
  const r = await transaction(async (tx) => {
    const made = await tx.cannedResponse.create({
      data: { ownerId: actor.id, title: input.title, body: input.body, shared: input.shared },
    });
    if (made.shared)
      await writeAudit(tx, actor, {
        context: 'messaging',
        action: 'canned_response.create',
        entityType: 'canned_response',
        entityId: made.id,
        newValues: { title: made.title, shared: true },
      });
    return made;
  });
  return toCanned(actor, r, null);
}

export async function updateCannedResponse(actor: Actor, id: number, patch: CannedPatch) {
  assertSavedReplies(actor);
  const r = assertCanSeeCanned(actor, await db.cannedResponse.findUnique({ where: { id } }));
  assertCanChangeCanned(actor, r);
  if (patch.shared !== undefined && patch.shared !== r.shared) assertCanShareCanned(actor);
  const updated = await transaction(async (tx) => {
    const u = await tx.cannedResponse.update({
      where: { id },
      data: { title: patch.title, body: patch.body, shared: patch.shared },
    });
    if (r.shared || u.shared)
      await writeAudit(tx, actor, {
        context: 'messaging',
        action: 'canned_response.update',
        entityType: 'canned_response',
        entityId: id,
        oldValues: { title: r.title, body: r.body, shared: r.shared },
        newValues: { title: u.title, body: u.body, shared: u.shared },
      });
    return u;
  });
  return toCanned(actor, updated, null);
}

export async function deleteCannedResponse(actor: Actor, id: number) {
  assertSavedReplies(actor);
  const r = assertCanSeeCanned(actor, await db.cannedResponse.findUnique({ where: { id } }));
  assertCanChangeCanned(actor, r);
  await transaction(async (tx) => {
    await tx.cannedResponse.delete({ where: { id } });
    if (r.shared)
      await writeAudit(tx, actor, {
        context: 'messaging',
        action: 'canned_response.delete',
        entityType: 'canned_response',
        entityId: id,
        oldValues: { title: r.title, body: r.body },
      });
  });
}
