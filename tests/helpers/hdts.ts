/** Help-desk tables a rejected request must leave unchanged. */
export const HDTS_TABLES = [
  'helpdesk.tickets',
  'helpdesk.ticket_comments',
  'helpdesk.ticket_attachments',
  'helpdesk.ticket_history',
  'helpdesk.ticket_sync_events',
  'helpdesk.saved_views',
  'audit.audit_log',
];
