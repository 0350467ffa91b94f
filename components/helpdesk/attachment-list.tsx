import { Paperclip } from 'lucide-react';
import { Time } from '@/components/ui/time';
import { isPreviewableImage } from '@/lib/domain/helpdesk/attachment-rules';
import { ImagePreview } from './attachment-preview';
import { formatDate } from './badges';

/** A file as the ticket pages list it; the details line shows what is given of size, type and upload time. */
export interface AttachmentLink {
  id: number;
  filename: string;
  url: string;
  size?: number;
  content_type?: string;
  uploaded_at?: string;
}

function formatSize(bytes: number | undefined) {
  if (bytes === undefined) return null;
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * A ticket's files, each a link to the help desk's download endpoint (which decides who may download), for the
 * help-desk and the workflow ticket pages alike; images show a thumbnail that opens larger (ImagePreview). The
 * caller frames it in its page's section.
 */
export function AttachmentList({ attachments }: { attachments: AttachmentLink[] }) {
  if (!attachments.length) return <p className="text-sm text-slate-500">No attachments.</p>;
  return (
    <ul className="space-y-2 text-sm">
      {attachments.map((a) => {
        const facts = [formatSize(a.size), a.content_type].filter(Boolean).join(' · ');
        // the preview dialog's description is plain text (UTC); the list shows the time in the reader's zone
        const details = [facts, a.uploaded_at && `uploaded ${formatDate(a.uploaded_at)}`].filter(Boolean).join(' · ');
        return (
          <li key={a.id} className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
            {isPreviewableImage(a) ? (
              <ImagePreview url={a.url} filename={a.filename} details={details || undefined} />
            ) : (
              <Paperclip className="h-4 w-4 shrink-0 text-slate-500" aria-hidden />
            )}
            <a className="text-brand-700 underline dark:text-brand-100" href={a.url} download={a.filename}>
              {a.filename}
            </a>
            <span className="text-xs text-slate-500">
              {facts}
              {a.uploaded_at && (
                <>
                  {facts ? ' · ' : ''}uploaded <Time value={a.uploaded_at} />
                </>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
