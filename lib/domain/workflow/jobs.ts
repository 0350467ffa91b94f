import { z } from 'zod';
import { MESSAGES } from '../contracts/messages';
import { defineJob } from '../jobs';
import { processTicket, receiveHdtsTicketStatus, updateTicketAttachments } from './routing';
import { runSlaMonitor } from './sla-monitor';
import { updateSlaStatus } from './sla-pause';

/** tts.process_ticket: a ticket approved in the help desk enters the workflow engine. */
export const processTicketJob = defineJob({
  ...MESSAGES.processTicket,
  handler: async (payload) => {
    await processTicket(payload);
  },
});

/** tts.receive_hdts_ticket_status: Withdrawn/Rejected/Closed/Reopened from the help desk. */
export const receiveHdtsTicketStatusJob = defineJob({
  ...MESSAGES.receiveHdtsTicketStatus,
  handler: async (payload) => {
    await receiveHdtsTicketStatus(payload);
  },
});

/** tts.update_ticket_attachments: an approved ticket's files changed in the help desk. */
export const updateTicketAttachmentsJob = defineJob({
  ...MESSAGES.updateTicketAttachments,
  handler: async (payload) => {
    await updateTicketAttachments(payload);
  },
});

/** tts.update_sla_status: a routed ticket's help-desk status changed; a pausing status stops the SLA clock. */
export const updateSlaStatusJob = defineJob({
  ...MESSAGES.updateSlaStatus,
  handler: async (payload) => {
    await updateSlaStatus(payload);
  },
});

/** Every minute: the SLA monitor (80 / 90 / 100 % crossings: notify, history, escalate on breach). */
export const slaMonitorJob = defineJob({
  name: 'tts.sla_monitor',
  schema: z.object({}).passthrough(),
  retry: { limit: 1, delaySeconds: 10, backoff: false },
  expireInSeconds: 120,
  cron: '* * * * *',
  handler: async () => {
    await runSlaMonitor();
  },
});

export const WORKFLOW_JOBS = [
  processTicketJob,
  receiveHdtsTicketStatusJob,
  updateTicketAttachmentsJob,
  updateSlaStatusJob,
  slaMonitorJob,
];
