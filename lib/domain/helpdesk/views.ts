// Saved views (issue 19): a named list URL (filters and sort in the query string), per user or shared by admins.
import { db, transaction } from '@/lib/server/db';
import type { Actor } from '../actor';
import { recordAudit } from './history';
import { assertCanDeleteView, assertCanSeeView, assertCanShareViews, assertStaffViews } from './policy';
import type { ViewInput } from './schemas';

type ViewRow = { id: number; ownerId: number; name: string; url: string; shared: boolean; createdAt: Date };
const toView = (actor: Actor, v: ViewRow) => ({
  id: v.id,
  name: v.name,
  url: v.url,
  shared: v.shared,
  owner_id: v.ownerId,
  mine: v.ownerId === actor.id,
  created_at: v.createdAt.toISOString(),
});
export type SavedView = ReturnType<typeof toView>;

/** The caller's own views and the shared ones, by name. */
export async function listViews(actor: Actor) {
  assertStaffViews(actor);
  const rows = await db.savedView.findMany({
    where: { OR: [{ ownerId: actor.id }, { shared: true }] },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: 200,
  });
  return { results: rows.map((v) => toView(actor, v)) };
}

export async function createView(actor: Actor, input: ViewInput) {
  assertStaffViews(actor);
  if (input.shared) assertCanShareViews(actor);
  const v = await db.savedView.create({ data: { ownerId: actor.id, name: input.name, url: input.url, shared: input.shared } });
  return toView(actor, v);
}

export async function deleteView(actor: Actor, id: number) {
  assertStaffViews(actor);
  const v = assertCanSeeView(actor, await db.savedView.findUnique({ where: { id } }));
  assertCanDeleteView(actor, v);
  await transaction(async (tx) => {
    await tx.savedView.delete({ where: { id } });
    if (v.shared)
      await recordAudit(tx, actor, {
        context: 'helpdesk',
        action: 'view.delete',
        entityType: 'saved_view',
        entityId: String(id),
        oldValues: { name: v.name, url: v.url },
      });
  });
}
