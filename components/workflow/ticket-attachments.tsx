import { Paperclip } from 'lucide-react';
import { formatDate } from '@/components/helpdesk/badges';
import type { TicketAttachmentRef } from '@/lib/domain/contracts/messages';

function formatSize(bytes: number | undefined) {
  if (bytes === undefined) return null;
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The ticket's files as the workflow engine received them, each a link to the help desk's download
 * endpoint (which decides who may download: owner, assignee, staff).
 */
export function TicketAttachments({ attachments }: { attachments: TicketAttachmentRef[] }) {
  return (
    <section aria-labelledby="attachments" className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="attachments" className="mb-2 text-lg font-semibold">
        Attachments
      </h2>
      {attachments.length ? (
        <ul className="space-y-2 text-sm">
          {attachments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
              <Paperclip className="h-4 w-4 shrink-0 text-slate-500" aria-hidden />
              <a className="text-brand-700 underline dark:text-brand-100" href={a.url} download={a.filename}>
                {a.filename}
              </a>
              <span className="text-xs text-slate-500">
                {[formatSize(a.size), a.content_type, `uploaded ${formatDate(a.uploaded_at)}`].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">No attachments</p>
      )}
    </section>
  );
}
