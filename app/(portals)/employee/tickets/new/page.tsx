import type { Metadata } from 'next';
import { SubmitTicketForm } from '@/components/helpdesk/submit-form';
import { catalog } from '@/lib/domain/helpdesk/queries';
import { env } from '@/lib/server/env';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Submit a ticket' };

export default async function NewTicketPage() {
  const actor = await requirePortal('employee');
  const c = await catalog();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Submit a ticket</h1>
      <SubmitTicketForm catalog={c} maxBytes={env.ATTACHMENT_MAX_BYTES} userId={actor.id} />
    </div>
  );
}
