import { TICKET_PARTICIPANT_MESSAGE } from '../contracts/participants';
import { defineJob } from '../jobs';
import { recordTicketParticipant } from './commands';

/** messaging.ticket_participant: help desk and workflow tell messaging who takes part in a ticket. */
export const ticketParticipantJob = defineJob({
  ...TICKET_PARTICIPANT_MESSAGE,
  handler: async (payload) => {
    await recordTicketParticipant(payload);
  },
});

export const MESSAGING_JOBS = [ticketParticipantJob];
