import { z } from 'zod';
import { DEFAULT_RETRY, defineMessage } from '../jobs';

/**
 * messaging.ticket_participant: the help desk and the workflow engine tell messaging who takes part in a
 * ticket's conversation. Producers import this module only; the handler lives in lib/domain/messaging.
 */
export const PARTICIPANT_ROLES = ['requester', 'coordinator', 'agent', 'assignee', 'owner'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** Who takes part in a ticket (remove: true when someone leaves). */
export const ticketParticipantPayload = z.object({
  ticket_number: z.string().regex(/^TX\d{14}$/, 'Ticket numbers look like TX + date + 6 digits'),
  user_id: z.number().int().positive(),
  role: z.enum(PARTICIPANT_ROLES),
  remove: z.boolean().optional(),
  /** When the change happened: deliveries may arrive out of order, and an older change never undoes a newer one. */
  changed_at: z.string().datetime({ offset: true }).optional(),
});
export type TicketParticipantPayload = z.infer<typeof ticketParticipantPayload>;

/** A participant change stamped with the time it happened (what every sender enqueues). */
export const participantChange = (p: Omit<TicketParticipantPayload, 'changed_at'>): TicketParticipantPayload => ({
  ...p,
  changed_at: new Date().toISOString(),
});

export const TICKET_PARTICIPANT_MESSAGE = defineMessage({
  name: 'messaging.ticket_participant',
  schema: ticketParticipantPayload,
  retry: DEFAULT_RETRY,
});
