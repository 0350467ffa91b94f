'use client';

import { Search } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { api } from '@/lib/client/api';

interface Hit {
  ticket_number: string;
  subject: string;
  status: string;
  employee: { name: string };
}

/**
 * "Find a ticket" in the staff header (issue 19): a combobox over the ticket list's search (number, subject,
 * requester). Arrow keys move through the results, Enter opens one, Escape closes; `/` anywhere focuses it.
 */
export function TicketSearch({ ticketHref }: { ticketHref: string }) {
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [state, setState] = useState<'idle' | 'loading' | 'error' | 'done'>('idle');

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const t = e.target as HTMLElement | null;
      const typing = t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !t?.closest('[role="dialog"]')) {
        e.preventDefault();
        input.current?.focus();
      }
    }
    document.addEventListener('keydown', onKey);
    input.current?.setAttribute('data-ready', '');
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const term = q.trim();
    if (term.length < 2) {
      setHits([]);
      setState('idle');
      return;
    }
    let live = true;
    setState('loading');
    const timer = setTimeout(() => {
      api<{ results: Hit[] }>('GET', `/hdts/api/tickets/?search=${encodeURIComponent(term)}&page_size=8`)
        .then((r) => {
          if (!live) return;
          setHits(r.results);
          setActive(0);
          setState('done');
        })
        .catch(() => live && setState('error'));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);

  function go(h: Hit | undefined) {
    if (!h) return;
    setOpen(false);
    setQ('');
    input.current?.blur();
    router.push(`${ticketHref}/${h.ticket_number}`);
  }
  const expanded = open && q.trim().length >= 2;
  const listId = `${id}-results`;
  return (
    <div className="relative hidden md:block">
      <label htmlFor={`${id}-q`} className="sr-only">
        Find a ticket
      </label>
      <Search className="pointer-events-none absolute left-2 top-2 h-4 w-4 text-slate-400" aria-hidden="true" />
      <input
        ref={input}
        id={`${id}-q`}
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && hits[active] ? `${id}-opt-${active}` : undefined}
        placeholder="Find a ticket  /"
        autoComplete="off"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(hits.length - 1, a + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            go(hits[active]);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
        className="h-8 w-56 rounded-md border border-slate-300 bg-white pl-8 pr-2 text-sm placeholder:text-slate-400 focus-visible:outline-2 focus-visible:outline-brand-500 lg:w-72 dark:border-slate-700 dark:bg-slate-950"
      />
      {expanded && (
        <div className="absolute right-0 z-40 mt-1 w-96 rounded-md border border-slate-200 bg-white shadow-lg dark:border-slate-800 dark:bg-slate-900">
          <div id={listId} role="listbox" aria-label="Tickets found" tabIndex={-1}>
            {hits.map((h, i) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keys (arrows, Enter)
              <div
                key={h.ticket_number}
                tabIndex={-1}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => go(h)}
                onMouseEnter={() => setActive(i)}
                className={`cursor-pointer px-3 py-2 text-sm ${i === active ? 'bg-brand-50 dark:bg-slate-800' : ''}`}
              >
                <span className="font-mono text-xs text-slate-500">{h.ticket_number}</span>{' '}
                <span className="font-medium">{h.subject}</span>
                <span className="block text-xs text-slate-500">
                  {h.employee.name} · {h.status}
                </span>
              </div>
            ))}
          </div>
          <p className="px-3 py-2 text-xs text-slate-500" aria-live="polite">
            {state === 'loading'
              ? 'Searching…'
              : state === 'error'
                ? 'The search failed. Try again.'
                : state === 'done' && hits.length === 0
                  ? 'No ticket matches.'
                  : state === 'done'
                    ? `${hits.length} found`
                    : ''}
          </p>
        </div>
      )}
    </div>
  );
}
