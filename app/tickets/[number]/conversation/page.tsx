import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { ConversationPanel } from '@/components/messaging/conversation-panel';
import { NotificationBell } from '@/components/notifications/bell';
import { ticketAccess } from '@/lib/domain/messaging/ticket-access';
import { currentActor, landingPath } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Ticket conversation' };
export const dynamic = 'force-dynamic';

/** A ticket's live conversation for everyone who may see it (the link in notification e-mails). */
export default async function TicketConversationPage({ params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/login?callbackUrl=/tickets/${encodeURIComponent(number)}/conversation`);
  if (!/^TX\d{14}$/.test(number)) notFound();
  const access = await ticketAccess().canSee(actor, number);
  if (!access.visible) notFound();
  const back = await landingPath(actor);
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex h-14 max-w-4xl items-center gap-3 px-4">
          <Link
            href={back}
            className="inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            <ArrowLeft className="h-4 w-4" aria-hidden /> Back to portal
          </Link>
          <div className="ml-auto">
            <NotificationBell />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-8">
        <h1 className="text-2xl font-semibold tracking-tight">Ticket {number}</h1>
        <ConversationPanel ticketNumber={number} source="comments" currentUserId={actor.id} canPostInternal={access.internal} />
        {access.internal && <ConversationPanel ticketNumber={number} source="messages" currentUserId={actor.id} />}
      </main>
    </div>
  );
}
