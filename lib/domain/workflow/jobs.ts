import { MESSAGES } from '../contracts/messages';
import { defineJob } from '../jobs';
import { processTicket, receiveHdtsTicketStatus, updateTicketAttachments } from './routing';

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

export const WORKFLOW_JOBS = [processTicketJob, receiveHdtsTicketStatusJob, updateTicketAttachmentsJob];
