import { AttachmentList } from '@/components/helpdesk/attachment-list';
import type { TicketAttachmentRef } from '@/lib/domain/contracts/messages';

/**
 * The ticket's files as the workflow engine received them, each a link to the help desk's download
 * endpoint (which decides who may download: owner, assignee, staff).
 */
export function TicketAttachments({ attachments }: { attachments: TicketAttachmentRef[] }) {
  return (
    <section
      aria-labelledby="attachments"
      className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="attachments" className="mb-2 text-lg font-semibold">
        Attachments
      </h2>
      <AttachmentList attachments={attachments} />
    </section>
  );
}
