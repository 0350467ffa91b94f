/**
 * The workflow engine's stored values (002's `new`, `in_progress`, origin `System`) in people's words, for pages;
 * the API keeps the stored values. Pure, so the browser can use it too.
 */
const ASSIGNMENT_STATUS: Record<string, string> = {
  new: 'Assigned',
  in_progress: 'In progress',
  resolved: 'Done',
  escalated: 'Escalated',
  reassigned: 'Transferred',
};
const ORIGIN: Record<string, string> = {
  System: 'assigned by the workflow',
  Transferred: 'transferred',
  Escalation: 'escalated',
};

export const assignmentStatusLabel = (status: string) => ASSIGNMENT_STATUS[status] ?? status.replaceAll('_', ' ');
export const originLabel = (origin: string) => ORIGIN[origin] ?? origin.toLowerCase();
