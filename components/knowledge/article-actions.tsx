'use client';

import { Archive, FilePen, Send, Undo2 } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { api } from '@/lib/client/api';
import { useMutation } from '@/lib/client/use-mutation';

/** Edit, publish, archive or unpublish: whatever the article's state allows. Archiving asks first. */
export function ArticleActions({ id, status, editHref }: { id: number; status: string; editHref: string }) {
  const { pending, pendingKey, run } = useMutation();
  const set = (to: string, done: string) =>
    run(() => api('POST', `/hdts/api/kb/articles/${id}/status/`, { status: to }), done, to);
  return (
    <div className="flex flex-wrap gap-2">
      <Button asChild variant="secondary" size="sm">
        <Link href={editHref}>
          <FilePen className="h-3.5 w-3.5" aria-hidden /> Edit
        </Link>
      </Button>
      {status !== 'published' && (
        <Button
          size="sm"
          pending={pendingKey === 'published'}
          disabled={pending}
          onClick={() => set('published', 'Article published')}
        >
          <Send className="h-3.5 w-3.5" aria-hidden /> Publish
        </Button>
      )}
      {status === 'published' && (
        <Button variant="secondary" size="sm" disabled={pending} onClick={() => set('draft', 'Article moved back to drafts')}>
          <Undo2 className="h-3.5 w-3.5" aria-hidden /> Unpublish
        </Button>
      )}
      {status !== 'archived' && (
        <ConfirmDialog
          trigger={
            <Button variant="danger" size="sm" disabled={pending}>
              <Archive className="h-3.5 w-3.5" aria-hidden /> Archive
            </Button>
          }
          title="Archive this article?"
          description="Readers will no longer find it in search or suggestions. You can publish it again later."
          confirmLabel="Archive"
          destructive
          onConfirm={async () => {
            await set('archived', 'Article archived');
          }}
        />
      )}
    </div>
  );
}
