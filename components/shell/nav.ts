import type { Portal } from '@/lib/domain/identity/policy';

export interface NavItem {
  href: string;
  label: string;
}

/** Navigation of each portal. Feature issues add their pages here. */
export const PORTAL_NAV: Record<Portal, { label: string; items: NavItem[] }> = {
  employee: { label: 'Employee', items: [{ href: '/employee', label: 'Home' }] },
  coordinator: { label: 'Coordinator', items: [{ href: '/coordinator', label: 'Overview' }] },
  agent: { label: 'Agent', items: [{ href: '/agent', label: 'Dashboard' }] },
  admin: { label: 'Admin', items: [{ href: '/admin', label: 'Overview' }, { href: '/admin/users', label: 'Users' }, { href: '/admin/queues', label: 'Queues' }] },
};
