// Submitting a ticket.
import { transaction } from '@/lib/server/db';
import { enqueue } from '@/lib/server/jobs/queue';
import type { Actor } from '../../actor';
import { participantChange, TICKET_PARTICIPANT_MESSAGE } from '../../contracts/participants';
import { helpdeskCalendar } from '../../sla/calendar-store';
import { removeFiles, type StoredFile } from '../files';
import { history, recordAudit } from '../history';
import { assertSubmit } from '../policy';
import { getTicket } from '../queries';
import type { Priority, TicketCreateInput } from '../schemas';
import { dueDates, PRIORITY_RANK } from '../sla';
import { newTicketNumber } from '../ticket-number';
import { checkCatalog } from './ticket-writes';

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === 'P2002';

/**
 * Submit a ticket (status New; nothing goes to the workflow engine yet). The number is random;
 * a collision hits the unique index and the whole transaction is retried with a new number.
 */
/** 004's facts of an incident, when the v1 create names them. */
export interface TicketFactsInput {
  environment?: string | null;
  affected_service?: string | null;
  impact_level?: string | null;
  tags?: string[];
}

export async function createTicket(
  actor: Actor,
  input: TicketCreateInput & { priority?: Priority } & TicketFactsInput,
  files: StoredFile[] = [],
) {
  try {
    assertSubmit(actor);
    const { department } = await checkCatalog(input);
    let id = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        id = await transaction(async (tx) => {
          const now = new Date();
          const t = await tx.ticket.create({
            data: {
              ticketNumber: newTicketNumber(now),
              subject: input.subject,
              description: input.description,
              category: input.category,
              subCategory: input.sub_category ?? null,
              department: input.department ?? department,
              priority: input.priority ?? null,
              environment: input.environment || null,
              affectedService: input.affected_service || null,
              impactLevel: input.impact_level || null,
              tags: input.tags ?? [],
              priorityRank: input.priority ? PRIORITY_RANK[input.priority] : null,
              ...(input.priority ? dueDates(input.priority, now, false, await helpdeskCalendar(tx)) : {}),
              employeeId: actor.id,
              createdAt: now,
              status: 'New',
            },
          });
          await history(tx, t.id, actor, 'CREATED', { field: 'status', new: 'New' });
          for (const f of files) {
            await tx.ticketAttachment.create({
              data: {
                ticketId: t.id,
                uploaderId: actor.id,
                filename: f.filename,
                storedName: f.storedName,
                mimeType: f.mimeType,
                size: f.size,
                sha256: f.sha256,
              },
            });
            await history(tx, t.id, actor, 'ATTACHMENT_ADDED', { field: 'attachment', new: f.filename });
          }
          await enqueue(
            tx,
            TICKET_PARTICIPANT_MESSAGE,
            participantChange({ ticket_number: t.ticketNumber, user_id: actor.id, role: 'requester' }),
          );
          await recordAudit(tx, actor, {
            context: 'helpdesk',
            action: 'ticket.create',
            entityType: 'ticket',
            entityId: t.ticketNumber,
            newValues: { subject: t.subject, category: t.category },
          });
          return t.id;
        });
        break;
      } catch (e) {
        if (isUniqueViolation(e) && attempt < 8) continue;
        throw e;
      }
    }
    return getTicket(actor, id);
  } catch (e) {
    await removeFiles(files);
    throw e;
  }
}
