// Building blocks shared by the ticket commands: conditional writes, catalog checks, requester notices.
import { db, type Tx } from '@/lib/server/db';
import { notify } from '../../contracts/notify';
import { AppError, conflict, validationFailed } from '../../errors';
import { userById } from '../../identity/directory';
import type { NotificationType } from '../../notifications/schemas';
import { employeeTicketPath } from '../links';
import { STATUS_TRANSITIONS } from '../policy';
import type { loadTicket } from '../queries';
import type { Status } from '../schemas';

export type TicketRow = Awaited<ReturnType<typeof loadTicket>>;

/** Conditional write: the ticket must still be in the status we validated against. */
export async function updateIfStatus(
  tx: Tx,
  t: TicketRow,
  data: Parameters<Tx['ticket']['update']>[0]['data'],
  expectedUpdatedAt?: Date | null,
) {
  const r = await tx.ticket.updateMany({
    where: { id: t.id, status: t.status, ...(expectedUpdatedAt ? { updatedAt: expectedUpdatedAt } : {}) },
    data: data as never,
  });
  if (r.count !== 1)
    throw expectedUpdatedAt
      ? changedSinceLoaded(t)
      : conflict('The ticket changed meanwhile; reload and try again', 'TICKET_CHANGED');
}

/**
 * The writer loaded the ticket before someone else changed it: refuse rather than overwrite what they have not
 * seen. `updated_at` lets the UI say when, and reload.
 */
export function changedSinceLoaded(t: { updatedAt: Date }) {
  return conflict('This ticket changed since you opened it. Reload to see the change, then try again.', 'CONFLICT', {
    updated_at: t.updatedAt.toISOString(),
  });
}

/** Refuse a write based on a stale read (see `changedSinceLoaded`); no expectation given: no check. */
export function assertUnchangedSince(t: { updatedAt: Date }, expected: Date | null | undefined) {
  if (expected && t.updatedAt.getTime() !== expected.getTime()) throw changedSinceLoaded(t);
}

export async function employeeOf(t: TicketRow) {
  const u = await userById(t.employeeId);
  return { name: u?.name ?? '', email: u?.email ?? '' };
}

/** Tell the requester about their ticket (in-app, live, e-mail), inside the change's transaction. */
export async function notifyRequester(
  tx: Tx,
  t: { ticketNumber: string; employeeId: number; subject: string },
  type: NotificationType,
  title: string,
  message: string,
  eventKey: string,
  link = employeeTicketPath(t.ticketNumber),
) {
  await notify(tx, {
    user_ids: [t.employeeId],
    type,
    title,
    message,
    ticket_number: t.ticketNumber,
    link,
    dedupe_key: `ticket:${t.ticketNumber}:${type}:${eventKey}`,
  });
}

export function invalidTransition(from: Status, to: Status, allowed: Status[] = STATUS_TRANSITIONS[from]) {
  return new AppError(
    400,
    'INVALID_STATUS_TRANSITION',
    `Cannot change status from ${from} to ${to}. Allowed: ${allowed.length ? allowed.join(', ') : 'none'}`,
    { current_status: from, requested_status: to, allowed_transitions: allowed },
  );
}

/** Category, sub-category and department must come from the catalog (001 §2) as it is offered (not retired). */
export async function checkCatalog(input: { category?: string; sub_category?: string | null; department?: string | null }) {
  const errors: Record<string, string[]> = {};
  let department: string | null = null;
  if (input.category !== undefined) {
    const category = await db.category.findUnique({
      where: { name: input.category },
      include: { subCategories: true, department: true },
    });
    if (!category) errors.category = [`"${input.category}" is not a category`];
    else if (!category.active || category.department?.active === false) {
      errors.category = [`"${category.name}" is no longer offered; choose another category`];
    } else {
      department = category.department?.name ?? null;
      const sub = input.sub_category ? category.subCategories.find((s) => s.name === input.sub_category) : undefined;
      if (input.sub_category && !sub) errors.sub_category = [`"${input.sub_category}" is not a sub-category of ${category.name}`];
      else if (sub && !sub.active) errors.sub_category = [`"${sub.name}" is no longer offered; choose another sub-category`];
    }
  }
  if (input.department) {
    const d = await db.department.findUnique({ where: { name: input.department } });
    if (!d) errors.department = [`"${input.department}" is not a department`];
    else if (!d.active) errors.department = [`"${d.name}" is no longer offered; choose another department`];
  }
  if (Object.keys(errors).length) throw validationFailed(errors);
  return { department };
}
