/**
 * A ticket's history in people's words, the same on every page and in the API (`summary`): "Approved by Casey
 * Reyes", "Attachment added: invoice.pdf" — never the entry types (004's `CREATED`, `ATTACHMENT_ADDED`) that the
 * API also returns for programs. Pure, so the browser can use it too.
 */
export interface HistoryFacts {
  type: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  old_value_name?: string | null;
  new_value_name?: string | null;
  /** Who did it; null for the help desk itself (jobs, the workflow engine). */
  user_name: string | null;
}

const FIELD_NAMES: Record<string, string> = {
  priority: 'Priority',
  department: 'Department',
  category: 'Category',
  sub_category: 'Sub-category',
  subject: 'Subject',
  description: 'Description',
  resolution_due_at: 'Resolution target',
  response_due_at: 'Response target',
  environment: 'Environment',
  affected_service: 'Affected service',
  impact_level: 'Impact level',
  tags: 'Tags',
};

const by = (h: HistoryFacts) => (h.user_name ? ` by ${h.user_name}` : '');

function statusSentence(h: HistoryFacts): string {
  const to = h.new_value;
  if (h.type === 'CREATED') return `Submitted${by(h)}`;
  if (h.old_value === 'New' && to === 'Open') return `Approved${by(h)}`;
  if (to === 'Rejected') return `Rejected${by(h)}`;
  if (to === 'Withdrawn') return `Withdrawn${by(h)}`;
  if (h.type === 'REOPENED') return `Reopened${by(h)}`;
  if (to === 'Resolved') return `Resolved${by(h)}`;
  if (to === 'Closed') return `Closed${by(h)}`;
  return `Status changed from ${h.old_value ?? '—'} to ${to ?? '—'}${by(h)}`;
}

export function historySummary(h: HistoryFacts): string {
  if (h.field === 'status' || h.type === 'CREATED') return statusSentence(h);
  switch (h.type) {
    case 'ATTACHMENT_ADDED':
      return `Attachment added${h.new_value ? `: ${h.new_value}` : ''}${by(h)}`;
    case 'COMMENT_ADDED':
      return `Reply added${by(h)}`;
    case 'SLA_BREACH':
      return h.field === 'response_due_at' ? 'Response target missed' : 'Resolution target missed';
    case 'ESCALATED':
      return `Escalated${by(h)}`;
    case 'ASSIGNMENT_CHANGE': {
      const who = h.new_value_name ?? null;
      const role = h.field === 'ticket_owner' ? 'Owner' : 'Assigned to';
      return who ? `${role}: ${who}` : h.field === 'ticket_owner' ? 'Owner removed' : 'Unassigned';
    }
  }
  if (h.field === 'csat_rating') return `Rated ${h.new_value} out of 5${by(h)}`;
  const name = FIELD_NAMES[h.field ?? ''] ?? 'Details';
  if (h.field === 'resolution_due_at' || h.field === 'response_due_at') return `${name} updated`;
  if (h.old_value && h.new_value) return `${name} changed from ${h.old_value} to ${h.new_value}${by(h)}`;
  if (h.new_value) return `${name} set to ${h.new_value}${by(h)}`;
  return `${name} updated${by(h)}`;
}

/**
 * Whose words a note is, and so who reads it: the requester reads the reasons given to them (rejection,
 * withdrawal, resolution) and their own rating's words; approval notes and anything the workflow engine wrote are
 * staff notes.
 */
export function noteIsForRequester(h: HistoryFacts & { by_requester: boolean }): boolean {
  if (h.by_requester) return true;
  if (!h.user_name) return false;
  return h.field === 'status' && (h.new_value === 'Rejected' || h.new_value === 'Resolved' || h.new_value === 'Withdrawn');
}
