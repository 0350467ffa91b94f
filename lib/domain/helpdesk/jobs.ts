import { z } from 'zod';
import { MESSAGES } from '../contracts/messages';
import { defineJob } from '../jobs';
import {
  applyTicketRouted,
  setTicketAssignee,
  setTicketOwner,
  setTicketSla,
  syncStatusFromWorkflow,
} from './commands/from-workflow';
import { autoCloseResolved, recordSlaBreaches } from './commands/scheduled';

/** TTS → HDTS: the owning coordinator of a ticket. */
export const updateTicketOwnerJob = defineJob({
  ...MESSAGES.updateTicketOwner,
  handler: async (p) => setTicketOwner(p.ticket_number, p.owner_id),
});

/** TTS → HDTS: the agent now working the ticket (applied once per assignment, never an older over a newer one). */
export const updateTicketAssigneeJob = defineJob({
  ...MESSAGES.updateTicketAssignee,
  handler: async (p) => setTicketAssignee(p),
});

/** TTS → HDTS: the workflow took the ticket: SLA clock, first assignee and owner in one transaction. */
export const ticketRoutedJob = defineJob({
  ...MESSAGES.ticketRouted,
  handler: async (p) => applyTicketRouted(p),
});

/** TTS → HDTS: In Progress / Resolved from the workflow engine (idempotent by event_id). */
export const syncTicketStatusJob = defineJob({
  ...MESSAGES.syncTicketStatus,
  handler: async (p) => syncStatusFromWorkflow(p),
});

/** TTS → HDTS: the workflow's SLA is the ticket's resolution target (one clock; newest wins). */
export const updateTicketSlaJob = defineJob({
  ...MESSAGES.updateTicketSla,
  handler: async (p) => setTicketSla(p),
});

/** Every 10 minutes: close tickets Resolved for 72 h (TICKET_AUTO_CLOSE_HOURS). */
export const autoCloseTicketsJob = defineJob({
  name: 'hdts.auto_close_resolved',
  schema: z.object({}).passthrough(),
  retry: { limit: 2, delaySeconds: 30, backoff: false },
  expireInSeconds: 300,
  cron: '*/10 * * * *',
  handler: async () => {
    await autoCloseResolved();
  },
});

/** Every minute: an SLA_BREACH history entry (004) for each missed response or resolution target, once. */
export const recordSlaBreachesJob = defineJob({
  name: 'hdts.record_sla_breaches',
  schema: z.object({}).passthrough(),
  retry: { limit: 1, delaySeconds: 10, backoff: false },
  expireInSeconds: 120,
  cron: '* * * * *',
  handler: async () => {
    await recordSlaBreaches();
  },
});

export const HELPDESK_JOBS = [
  updateTicketOwnerJob,
  updateTicketAssigneeJob,
  updateTicketSlaJob,
  ticketRoutedJob,
  syncTicketStatusJob,
  autoCloseTicketsJob,
  recordSlaBreachesJob,
];
