import Link from 'next/link';
import { NotificationBell } from '@/components/notifications/bell';
import type { Actor } from '@/lib/domain/actor';
import { type Portal, portalsFor } from '@/lib/domain/identity/policy';
import { PORTAL_NAV } from './nav';
import { NavLinks } from './nav-links';
import { PortalSwitcher } from './portal-switcher';
import { ThemeToggle } from './theme-toggle';
import { TicketSearch } from './ticket-search';
import { UserMenu } from './user-menu';

/** The frame of every portal page: header with switcher, user menu and theme; side navigation. */
export function PortalShell({ actor, portal, children }: { actor: Actor; portal: Portal; children: React.ReactNode }) {
  const available = portalsFor(actor);
  const portals = available.map((p) => ({ id: p, label: PORTAL_NAV[p].label }));
  // "Find a ticket" for staff who have the coordinators' ticket pages, from any of their portals
  const findTickets = portal !== 'employee' && available.includes('coordinator');
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-900/90">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4">
          <Link href="/" className="flex items-center gap-2 font-semibold">
            <span className="flex h-7 w-7 items-center justify-center rounded-lg bg-brand-600 text-sm text-white" aria-hidden>
              S
            </span>
            <span className="hidden sm:inline">Switchboard</span>
          </Link>
          <PortalSwitcher current={portal} portals={portals} />
          <div className="ml-auto flex items-center gap-1" id="header-actions">
            {findTickets && <TicketSearch ticketHref="/coordinator/tickets" />}
            <NotificationBell />
            <ThemeToggle />
            <UserMenu name={actor.name} email={actor.email} />
          </div>
        </div>
        <nav aria-label={`${PORTAL_NAV[portal].label} navigation`} className="mx-auto max-w-7xl overflow-x-auto px-4">
          <NavLinks items={PORTAL_NAV[portal].items} />
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
