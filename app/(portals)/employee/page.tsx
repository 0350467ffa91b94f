import { FilePlus2, ListChecks, Star } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { TicketTable } from '@/components/helpdesk/ticket-table';
import { listTickets, ticketStatusCounts } from '@/lib/domain/helpdesk/queries';
import { ticketListQuery } from '@/lib/domain/helpdesk/schemas';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Home' };

export default async function EmployeeHome() {
  const actor = await requirePortal('employee');
  const [recent, counts] = await Promise.all([
    listTickets(actor, ticketListQuery.parse({ page_size: 5 })),
    ticketStatusCounts(actor),
  ]);
  const active = Object.entries(counts)
    .filter(([s]) => !['Closed', 'Rejected', 'Withdrawn'].includes(s))
    .reduce((n, [, c]) => n + c, 0);
  const actions = [
    { href: '/employee/tickets/new', label: 'Submit a ticket', text: 'Report a problem or ask for something', icon: FilePlus2 },
    { href: '/employee/tickets', label: 'My tickets', text: `${active} active`, icon: ListChecks },
    { href: '/employee/tickets?tab=records&status=Closed', label: 'Rate closed tickets', text: 'Tell us how we did', icon: Star },
  ];
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Welcome, {actor.name}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Submit requests to the help desk and follow their progress.
        </p>
      </div>
      <section aria-labelledby="quick" className="grid gap-3 sm:grid-cols-3">
        <h2 id="quick" className="sr-only">
          Quick actions
        </h2>
        {actions.map((a) => (
          <Link
            key={a.href}
            href={a.href}
            className="flex items-start gap-3 rounded-xl border border-slate-200 bg-white p-4 hover:border-brand-500 focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-slate-800 dark:bg-slate-900"
          >
            <a.icon className="mt-0.5 h-5 w-5 text-brand-600" aria-hidden />
            <span>
              <span className="block font-medium">{a.label}</span>
              <span className="block text-sm text-slate-600 dark:text-slate-400">{a.text}</span>
            </span>
          </Link>
        ))}
      </section>
      <section aria-labelledby="recent" className="space-y-2">
        <div className="flex items-center justify-between">
          <h2 id="recent" className="text-lg font-semibold">
            Recent tickets
          </h2>
          <Link href="/employee/tickets" className="text-sm text-brand-700 underline dark:text-brand-100">
            View all
          </Link>
        </div>
        <TicketTable
          tickets={recent.results}
          href={(t) => `/employee/tickets/${t.ticket_number}`}
          empty={
            <>
              You have not submitted any tickets yet.{' '}
              <Link className="underline" href="/employee/tickets/new">
                Submit one
              </Link>
              .
            </>
          }
        />
      </section>
    </div>
  );
}
