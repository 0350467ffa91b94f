import { TICKET_PARTICIPANT_MESSAGE } from '../contracts/participants';
import { defineJob } from '../jobs';
import { recordTicketParticipant, recordTicketParticipants } from './commands';

/** messaging.ticket_participant: help desk and workflow tell messaging who takes part in a ticket. */
export const ticketParticipantJob = defineJob({
  ...TICKET_PARTICIPANT_MESSAGE,
  handler: async (payload) => {
    await recordTicketParticipant(payload);
  },
  // A fetched batch in one statement (three participant jobs per routed ticket).
  batchHandler: async (payloads) => {
    await recordTicketParticipants(payloads);
  },
});

export const MESSAGING_JOBS = [ticketParticipantJob];
