'use client';

import { BookOpen, FilePlus2 } from 'lucide-react';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { api } from '@/lib/client/api';
import { Snippet } from './article-body';

interface Item {
  id: number;
  title: string;
  url: string;
  snippet: string;
}

/**
 * The staff ticket page's "Suggested articles" (matching the ticket's subject and description) and, for a
 * resolved ticket and a knowledge editor, "Draft an article from this ticket".
 */
export function TicketArticles({ ticket, draftHref }: { ticket: string; draftHref?: string | null }) {
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    let live = true;
    api<{ results: Item[] }>('GET', `/hdts/api/kb/tickets/${ticket}/suggestions/`)
      .then((r) => live && setItems(r.results))
      .catch(() => live && setError(true));
    return () => {
      live = false;
    };
  }, [ticket]);
  return (
    <section
      aria-labelledby="kb-suggested"
      className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      data-testid="ticket-articles"
    >
      <h2 id="kb-suggested" className="mb-2 flex items-center gap-1.5 font-semibold">
        <BookOpen className="h-4 w-4" aria-hidden /> Suggested articles
      </h2>
      {error && <p className="text-sm text-slate-500">Suggestions are unavailable right now.</p>}
      {!error && items === null && <p className="text-sm text-slate-500">Looking for articles…</p>}
      {!error && items?.length === 0 && <p className="text-sm text-slate-500">No article matches this ticket yet.</p>}
      {items && items.length > 0 && (
        <ul className="space-y-2">
          {items.map((a) => (
            <li key={a.id}>
              <Link href={a.url} target="_blank" className="text-sm font-medium text-brand-700 underline">
                {a.title}
              </Link>
              <Snippet html={a.snippet} className="line-clamp-2 text-xs" />
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-xs text-slate-500">Use “Insert article” in the reply box to send one to the requester.</p>
      {draftHref && (
        <Button asChild variant="secondary" size="sm" className="mt-3">
          <Link href={draftHref}>
            <FilePlus2 className="h-3.5 w-3.5" aria-hidden /> Draft an article from this ticket
          </Link>
        </Button>
      )}
    </section>
  );
}
