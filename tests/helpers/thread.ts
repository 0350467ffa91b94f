import * as ticketsRoute from '@/app/(api)/hdts/api/tickets/route';
import { setTicketAssignee, setTicketOwner } from '@/lib/domain/helpdesk/commands/from-workflow';
import { ticketParticipantJob } from '@/lib/domain/messaging/jobs';
import { db } from '@/lib/server/db';
import { call, tokenFor } from './api';

let taskItem = 900_000 + Math.floor(Math.random() * 50_000);

export async function userIds(...usernames: string[]): Promise<Record<string, number>> {
  const rows = await db.user.findMany({ where: { username: { in: usernames } } });
  return Object.fromEntries(rows.map((u) => [u.username, u.id]));
}

/**
 * A real help-desk ticket of `requester`, owned by `owner` and assigned to `assignee` as the workflow would
 * do it (the help desk's own commands), with messaging's participants recorded for the socket rooms.
 */
export async function threadTicket(
  opts: { requester?: string; owner?: string | null; assignee?: string | null } = {},
): Promise<{ id: number; number: string }> {
  const requester = opts.requester ?? 'employee1';
  const owner = opts.owner === undefined ? 'coordinator1' : opts.owner;
  const assignee = opts.assignee === undefined ? 'agent1' : opts.assignee;
  const r = await call(ticketsRoute, 'POST', '/hdts/api/tickets/', {
    token: await tokenFor(requester),
    body: { subject: 'VPN drops', description: 'Since Monday', category: 'IT Support', sub_category: 'Technical Assistance' },
  });
  if (r.status !== 201) throw new Error(`ticket not created: ${JSON.stringify(r.body)}`);
  const number = r.body.ticket_number as string;
  const ids = await userIds(requester, ...(owner ? [owner] : []), ...(assignee ? [assignee] : []));
  const ctx = { id: 'p', retryCount: 0 };
  await ticketParticipantJob.handler({ ticket_number: number, user_id: ids[requester], role: 'requester' }, ctx);
  if (owner) {
    await setTicketOwner(number, ids[owner]);
    await ticketParticipantJob.handler({ ticket_number: number, user_id: ids[owner], role: 'owner' }, ctx);
  }
  if (assignee) {
    await setTicketAssignee({ ticket_number: number, assignee_id: ids[assignee], task_item_id: taskItem++ });
    await ticketParticipantJob.handler({ ticket_number: number, user_id: ids[assignee], role: 'agent' }, ctx);
  }
  return { id: r.body.id as number, number };
}

/** notifications.notify jobs enqueued for a ticket, oldest first. */
export async function notifyJobs(ticketNumber: string) {
  const rows = await db.$queryRaw<{ data: { type: string; user_ids: number[]; message: string; link?: string } }[]>`
    SELECT data FROM pgboss.job WHERE name = 'notifications.notify' AND data->>'ticket_number' = ${ticketNumber} ORDER BY created_on`;
  return rows.map((r) => r.data);
}
