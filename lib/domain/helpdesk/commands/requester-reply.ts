// A reply from the requester ends "waiting for the requester" (issue 11): an On Hold ticket goes back to
// In Progress, which resumes its SLA clock in the workflow (tts.update_sla_status), as Zendesk's and Jira's do.
import { transaction } from '@/lib/server/db';
import { type Actor, SYSTEM_ACTOR } from '../../actor';
import { loadTicket } from '../queries';
import { applyStatus } from './status';

export async function resumeOnRequesterReply(
  actor: Actor,
  ticket: { id: number; employeeId: number; status: string },
  isInternal: boolean,
) {
  if (isInternal || ticket.employeeId !== actor.id || ticket.status !== 'On Hold') return;
  const t = await loadTicket(actor, ticket.id);
  if (t.employeeId !== actor.id || t.status !== 'On Hold' || !t.approvedAt) return;
  await transaction((tx) => applyStatus(tx, SYSTEM_ACTOR, t, 'In Progress', { note: 'The requester replied' }));
}
