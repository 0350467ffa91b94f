// Bulk actions of the coordinators' lists: the single-ticket commands, once per ticket, each on its own.
import { logger } from '@/lib/server/logger';
import type { Actor } from '../../actor';
import { AppError } from '../../errors';
import { assertTriage } from '../policy';
import type { BulkInput, BulkOutcome } from '../schemas';
import { changeStatus } from './status';
import { approveTicket, assignTicket, rejectTicket } from './triage';

/**
 * Apply one action to each ticket through the same command a single action uses: each ticket is authorized and
 * validated on its own and written in its own transaction, so a refusal (stale version, wrong status, a ticket the
 * caller cannot see — "not found", as for a single call) is reported for that ticket and never rolls back the
 * others, and no ticket is half-changed. Tickets run one after another, in the order given.
 */
export async function bulkTickets(actor: Actor, input: BulkInput) {
  assertTriage(actor);
  const results: BulkOutcome[] = [];
  for (const { ticket_number, expected_updated_at } of input.tickets) {
    try {
      const t = await apply(actor, input, ticket_number, expected_updated_at);
      results.push({ ticket_number, ok: true, status: t.status });
    } catch (e) {
      if (!(e instanceof AppError)) {
        logger.error('bulk action failed on a ticket', { ticket_number, action: input.action, error: String(e) });
        results.push({
          ticket_number,
          ok: false,
          http_status: 500,
          code: 'INTERNAL_ERROR',
          reason: 'Something went wrong; try this ticket again',
        });
      } else {
        results.push({ ticket_number, ok: false, http_status: e.status, code: e.code, reason: e.message });
      }
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { action: input.action, succeeded, refused: results.length - succeeded, results };
}

function apply(actor: Actor, input: BulkInput, ref: string, expected: Date) {
  switch (input.action) {
    case 'approve':
      return approveTicket(actor, ref, {
        priority: input.priority,
        department: input.department,
        approval_notes: input.approval_notes,
        expected_updated_at: expected,
      });
    case 'reject':
      return rejectTicket(actor, ref, input.rejection_reason, expected);
    case 'assign':
      return assignTicket(actor, ref, input.assignee_id, input.notes, expected);
    case 'status':
      return changeStatus(actor, ref, input.status, { note: input.note, expected_updated_at: expected });
  }
}
