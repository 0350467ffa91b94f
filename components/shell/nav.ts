import type { Portal } from '@/lib/domain/identity/policy';

export interface NavItem {
  href: string;
  label: string;
}

/** Navigation of each portal. Feature issues add their pages here. */
export const PORTAL_NAV: Record<Portal, { label: string; items: NavItem[] }> = {
  employee: {
    label: 'Employee',
    items: [
      { href: '/employee', label: 'Home' },
      { href: '/employee/tickets', label: 'My tickets' },
      { href: '/employee/tickets/new', label: 'Submit a ticket' },
      { href: '/employee/knowledge', label: 'Knowledge base' },
    ],
  },
  coordinator: {
    label: 'Coordinator',
    items: [
      { href: '/coordinator', label: 'Overview' },
      { href: '/coordinator/triage', label: 'Triage' },
      { href: '/coordinator/tickets', label: 'All tickets' },
      { href: '/coordinator/feedback', label: 'Feedback' },
      { href: '/coordinator/owned', label: 'Owned tickets' },
      { href: '/coordinator/knowledge', label: 'Knowledge base' },
      { href: '/coordinator/saved-replies', label: 'Saved replies' },
    ],
  },
  agent: {
    label: 'Agent',
    items: [
      { href: '/agent', label: 'Dashboard' },
      { href: '/agent/tasks', label: 'My tasks' },
      { href: '/agent/knowledge', label: 'Knowledge base' },
      { href: '/agent/saved-replies', label: 'Saved replies' },
    ],
  },
  admin: {
    label: 'Admin',
    items: [
      { href: '/admin', label: 'Overview' },
      { href: '/admin/tasks', label: 'All tasks' },
      { href: '/admin/audit', label: 'Audit log' },
      { href: '/admin/users', label: 'Users' },
      { href: '/admin/catalog', label: 'Catalog' },
      { href: '/admin/workflows', label: 'Workflows' },
      { href: '/admin/roles', label: 'Workflow roles' },
      { href: '/admin/calendars', label: 'Business hours' },
      { href: '/admin/queues', label: 'Queues' },
      { href: '/admin/notifications/deliveries', label: 'E-mail deliveries' },
      { href: '/admin/knowledge', label: 'Knowledge' },
      { href: '/admin/saved-replies', label: 'Saved replies' },
    ],
  },
};
