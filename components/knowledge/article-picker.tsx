'use client';

import { BookOpen, Search } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { api } from '@/lib/client/api';
import { Snippet } from './article-body';

interface Item {
  id: number;
  title: string;
  url: string;
  snippet?: string | null;
}

/** The text a reply gets for an article: a Markdown link with its title and its full address. */
export function articleLink(a: { title: string; url: string }): string {
  const href = typeof window === 'undefined' ? a.url : new URL(a.url, window.location.origin).toString();
  return `[${a.title.replace(/[[\]]/g, '')}](${href})`;
}

/**
 * "Insert article" for a staff reply box: the ticket's suggested articles first, or a search; choosing one
 * hands the reply box a link with the article's title (`onPick`), which the box adds to its text.
 */
export function ArticlePicker({ ticket, onPick }: { ticket: string | number; onPick: (link: string) => void }) {
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = setTimeout(
      async () => {
        try {
          const res = q.trim()
            ? await api<{ results: Item[] }>('GET', `/hdts/api/kb/articles/?q=${encodeURIComponent(q.trim())}&page_size=8`)
            : await api<{ results: Item[] }>('GET', `/hdts/api/kb/tickets/${ticket}/suggestions/`);
          if (live) {
            setItems(res.results);
            setError(false);
          }
        } catch {
          if (live) setError(true);
        }
      },
      q ? 300 : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, q, ticket]);

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          <BookOpen className="h-3.5 w-3.5" aria-hidden /> Insert article
        </Button>
      </DialogTrigger>
      <DialogContent title="Insert a knowledge article" description="Adds a link with the article's title to your reply.">
        <label htmlFor={`kb-picker-${ticket}`} className="sr-only">
          Search articles
        </label>
        <div className="relative">
          <Search className="pointer-events-none absolute left-2 top-2.5 h-4 w-4 text-slate-400" aria-hidden />
          <Input
            id={`kb-picker-${ticket}`}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Search articles"
            className="pl-8"
          />
        </div>
        <p className="mt-2 text-xs text-slate-500">{q.trim() ? 'Search results' : 'Suggested for this ticket'}</p>
        <div className="mt-1 max-h-80 overflow-y-auto" aria-live="polite">
          {error && <p className="text-sm text-red-700">Could not load articles.</p>}
          {!error && items === null && <p className="text-sm text-slate-500">Loading…</p>}
          {!error && items?.length === 0 && <p className="text-sm text-slate-500">No articles found. Try other words.</p>}
          {items && items.length > 0 && (
            <ul className="space-y-1">
              {items.map((a) => (
                <li key={a.id}>
                  <button
                    type="button"
                    aria-label={`Insert ${a.title}`}
                    onClick={() => {
                      onPick(articleLink(a));
                      setOpen(false);
                    }}
                    className="w-full rounded-md p-2 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:hover:bg-slate-800"
                  >
                    <span className="block text-sm font-medium">{a.title}</span>
                    {a.snippet && <Snippet html={a.snippet} className="line-clamp-2 text-xs" />}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </DialogContent>
    </Dialog>
  );
}

/** Adds an inserted link to a reply's text on a line of its own. */
export function appendLink(text: string, link: string): string {
  return text.trim() ? `${text.replace(/\s+$/, '')}\n${link}` : link;
}
