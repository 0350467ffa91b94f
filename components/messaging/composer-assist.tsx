'use client';

// Helpers of the reply box (issue 19): "Insert saved reply" (a searchable list, placeholders filled for the
// ticket) and @mention suggestions while typing. Both insert at the caret of the box's textarea.
import { MessageSquareText, Search } from 'lucide-react';
import Link from 'next/link';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { api } from '@/lib/client/api';
import { mentionToken } from '@/lib/domain/helpdesk/mentions';

type Area = React.RefObject<HTMLTextAreaElement | null>;

/** Puts `text` in place of [from, to) of the box's value (the selection by default) and the caret after it. */
export function insertAtCaret(area: Area, setValue: (v: string) => void, text: string, range?: [number, number]) {
  const el = area.current;
  const value = el?.value ?? '';
  const [from, to] = range ?? [el?.selectionStart ?? value.length, el?.selectionEnd ?? value.length];
  const next = value.slice(0, from) + text + value.slice(to);
  setValue(next);
  const caret = from + text.length;
  requestAnimationFrame(() => {
    el?.focus();
    el?.setSelectionRange(caret, caret);
  });
}

interface Saved {
  id: number;
  title: string;
  body: string;
  shared: boolean;
  filled_body?: string;
}

/** "Insert saved reply": the caller's and the shared replies, searchable; ↑/↓ choose, Enter inserts. */
export function SavedReplyMenu({
  ticketNumber,
  portal,
  onInsert,
}: {
  ticketNumber: string;
  portal: 'agent' | 'coordinator' | 'admin';
  onInsert: (text: string) => void;
}) {
  const [open, setOpen] = useState(false);
  // set by an insert: the reply box keeps the focus when the dialog closes
  const inserted = useRef(false);
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Saved[] | null>(null);
  const [error, setError] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    let live = true;
    setItems(null);
    api<{ results: Saved[] }>('GET', `/hdts/api/canned-responses/?ticket=${encodeURIComponent(ticketNumber)}`)
      .then((r) => {
        if (!live) return;
        setItems(r.results);
        setError(false);
      })
      .catch(() => live && setError(true));
    return () => {
      live = false;
    };
  }, [open, ticketNumber]);

  const shown = useMemo(() => {
    const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return (items ?? []).filter((r) => words.every((w) => `${r.title}\n${r.body}`.toLowerCase().includes(w)));
  }, [items, q]);
  const current = Math.min(active, Math.max(shown.length - 1, 0));

  const choose = (r: Saved | undefined) => {
    if (!r) return;
    inserted.current = true;
    setOpen(false);
    setQ('');
    onInsert(r.filled_body ?? r.body);
  };

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          <MessageSquareText className="h-3.5 w-3.5" aria-hidden /> Insert saved reply
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Insert a saved reply"
        description="Its placeholders are filled for this ticket; the text goes where your cursor is."
        // after an insert the reply box has the focus (insertAtCaret): returning it to this button later, once the
        // close has finished, would take it from someone already typing on (and close their @mention list)
        onCloseAutoFocus={(e) => {
          if (!inserted.current) return;
          inserted.current = false;
          e.preventDefault();
        }}
      >
        <div className="relative">
          <Search className="pointer-events-none absolute left-2 top-2.5 h-4 w-4 text-slate-400" aria-hidden />
          <Input
            role="combobox"
            aria-label="Search saved replies"
            aria-controls={listId}
            aria-expanded
            aria-autocomplete="list"
            aria-activedescendant={shown.length ? `${listId}-${shown[current].id}` : undefined}
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                setActive((current + 1) % Math.max(shown.length, 1));
              } else if (e.key === 'ArrowUp') {
                e.preventDefault();
                setActive((current - 1 + shown.length) % Math.max(shown.length, 1));
              } else if (e.key === 'Enter') {
                e.preventDefault();
                choose(shown[current]);
              }
            }}
            placeholder="Search saved replies"
            className="pl-8"
          />
        </div>
        <div className="mt-2 max-h-80 overflow-y-auto">
          {error && <p className="text-sm text-red-700">Could not load your saved replies.</p>}
          {!error && items === null && <p className="text-sm text-slate-500">Loading…</p>}
          {!error && items?.length === 0 && (
            <p className="text-sm text-slate-500">
              No saved replies yet.{' '}
              <Link href={`/${portal}/saved-replies`} className="text-brand-700 underline">
                Add one
              </Link>
            </p>
          )}
          {!error && items && items.length > 0 && shown.length === 0 && (
            <p className="text-sm text-slate-500">No saved reply matches “{q}”.</p>
          )}
          <div id={listId} role="listbox" aria-label="Saved replies" tabIndex={-1} className="space-y-1">
            {shown.map((r, i) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the search box's ↑/↓/Enter drive the list (aria-activedescendant)
              <div
                key={r.id}
                tabIndex={-1}
                id={`${listId}-${r.id}`}
                role="option"
                aria-selected={i === current}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(r)}
                className={`cursor-pointer rounded-md p-2 ${i === current ? 'bg-slate-100 dark:bg-slate-800' : ''}`}
              >
                <span className="block text-sm font-medium">
                  {r.title}
                  {r.shared && <span className="ml-2 text-xs font-normal text-slate-500">(shared)</span>}
                </span>
                <span className="line-clamp-2 block whitespace-pre-wrap text-xs text-slate-600 dark:text-slate-400">
                  {r.filled_body ?? r.body}
                </span>
              </div>
            ))}
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}

interface Person {
  id: number;
  username: string;
  name: string;
}

/** The `@word` being typed right before the caret (its start and text), if any. */
function mentionAt(value: string, caret: number): { from: number; query: string } | null {
  const m = /(^|[^\w@.])@([A-Za-z0-9_.+-]{0,50}(?: [A-Za-z]{1,50})?)$/.exec(value.slice(0, caret));
  if (!m) return null;
  return { from: caret - m[2].length - 1, query: m[2] };
}

/**
 * @mention suggestions for a textarea: typing @ and letters offers the people a mention would reach (by name
 * or login, from the API); ↑/↓ move, Enter or Tab inserts `@login `, Escape closes. Spread `inputProps` on the
 * textarea (it stays a textbox, with aria-controls/aria-activedescendant) and render `list` below it.
 */
export function useMentions({
  ticketNumber,
  internal,
  area,
  setValue,
}: {
  ticketNumber: string;
  internal: boolean;
  area: Area;
  setValue: (v: string) => void;
}) {
  const [at, setAt] = useState<{ from: number; query: string } | null>(null);
  const [people, setPeople] = useState<Person[]>([]);
  const [active, setActive] = useState(0);
  const listId = useId();
  const seq = useRef(0);
  // where the last chosen mention starts: typing on after it ("@sam thanks") asks no more
  const chosenAt = useRef<number | null>(null);

  useEffect(() => {
    if (!at) {
      setPeople([]);
      return;
    }
    const n = ++seq.current;
    const timer = setTimeout(async () => {
      try {
        const r = await api<{ results: Person[] }>(
          'GET',
          `/messaging/api/tickets/${ticketNumber}/mentionable/?q=${encodeURIComponent(at.query)}&internal=${internal}`,
        );
        if (n === seq.current) {
          setPeople(r.results);
          setActive(0);
        }
      } catch {
        if (n === seq.current) setPeople([]);
      }
    }, 150);
    return () => clearTimeout(timer);
  }, [at, ticketNumber, internal]);

  const open = !!at && people.length > 0;
  const current = Math.min(active, Math.max(people.length - 1, 0));

  const track = () => {
    const el = area.current;
    if (!el || el.selectionStart !== el.selectionEnd) return setAt(null);
    let found = mentionAt(el.value, el.selectionStart);
    if (found && found.from === chosenAt.current) found = null;
    setAt((prev) => (found && prev?.from === found.from && prev.query === found.query ? prev : found));
  };
  const choose = (p: Person | undefined) => {
    const el = area.current;
    if (!p || !at || !el) return;
    insertAtCaret(area, setValue, mentionToken(p.username), [at.from, el.selectionStart]);
    chosenAt.current = at.from;
    setAt(null);
  };

  const inputProps = {
    'aria-autocomplete': 'list' as const,
    'aria-controls': open ? listId : undefined,
    'aria-activedescendant': open ? `${listId}-${people[current].id}` : undefined,
    onKeyDown: (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
      if (!open) return;
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        setActive((current + 1) % people.length);
      } else if (e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((current - 1 + people.length) % people.length);
      } else if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        choose(people[current]);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setAt(null);
      }
    },
    onKeyUp: (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
      if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) track();
    },
    onClick: track,
    onBlur: () => setTimeout(() => setAt(null), 150),
  };

  const list = open ? (
    <div
      id={listId}
      role="listbox"
      tabIndex={-1}
      aria-label="People to mention"
      className="absolute left-0 top-full z-30 mt-1 max-h-60 w-72 overflow-y-auto rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
    >
      {people.map((p, i) => (
        // biome-ignore lint/a11y/useKeyWithClickEvents: the textarea's ↑/↓/Enter drive the list (aria-activedescendant)
        <div
          key={p.id}
          tabIndex={-1}
          id={`${listId}-${p.id}`}
          role="option"
          aria-selected={i === current}
          onMouseDown={(e) => e.preventDefault()}
          onMouseEnter={() => setActive(i)}
          onClick={() => choose(p)}
          className={`cursor-pointer rounded px-2 py-1 text-sm ${i === current ? 'bg-slate-100 dark:bg-slate-800' : ''}`}
        >
          <span className="font-medium">{p.name}</span> <span className="text-xs text-slate-500">@{p.username}</span>
        </div>
      ))}
    </div>
  ) : null;

  return { inputProps, list, track, open };
}
