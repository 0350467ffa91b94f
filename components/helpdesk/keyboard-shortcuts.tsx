'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { toast } from 'sonner';
import { Dialog, DialogContent } from '@/components/ui/dialog';
import { ApiError, api } from '@/lib/client/api';

/** The shortcuts of the ticket list and the ticket page, as the help overlay (`?`) lists them. */
export const SHORTCUTS: { keys: string[]; what: string; where: 'list' | 'ticket' | 'both' }[] = [
  { keys: ['j'], what: 'Next ticket', where: 'both' },
  { keys: ['k'], what: 'Previous ticket', where: 'both' },
  { keys: ['Enter'], what: 'Open the focused ticket', where: 'list' },
  { keys: ['r'], what: 'Reply to the requester', where: 'ticket' },
  { keys: ['n'], what: 'Write an internal note', where: 'ticket' },
  { keys: ['a'], what: 'Assign the ticket to me', where: 'ticket' },
  { keys: ['e', 'Shift+A'], what: 'Approve (a New ticket)', where: 'ticket' },
  { keys: ['/'], what: 'Find a ticket', where: 'both' },
  { keys: ['?'], what: 'Show these shortcuts', where: 'both' },
];

const LIST_KEY = 'switchboard:ticket-list';

/** Typing in a field (or a dialog open) never fires a shortcut. */
function typing(e: KeyboardEvent) {
  const t = e.target as HTMLElement | null;
  if (!t) return false;
  return (
    t.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) ||
    !!t.closest('[role="dialog"],[role="combobox"],[role="listbox"]')
  );
}

/**
 * Keyboard shortcuts (issue 19). On a list (`ticket` absent) j/k move the focus over the rows and remember the
 * list's order, so that on a ticket page j/k go to the next/previous ticket of that list. Sets
 * `data-shortcuts` on <html> once hydrated ("list" or "ticket:TX…"; tests wait for it before pressing keys).
 */
export function KeyboardShortcuts({ ticket }: { ticket?: { id: number; ticketNumber: string; meId: number; href: string } }) {
  const router = useRouter();
  const [help, setHelp] = useState(false);

  useEffect(() => {
    const rows = () => [...document.querySelectorAll<HTMLElement>('tr[data-href]')];
    if (!ticket) {
      const hrefs = rows().map((r) => r.dataset.href as string);
      if (hrefs.length) sessionStorage.setItem(LIST_KEY, JSON.stringify(hrefs));
    }
    function neighbour(step: 1 | -1) {
      if (!ticket) {
        const all = rows();
        if (!all.length) return;
        const i = all.indexOf(document.activeElement as HTMLElement);
        const next = all[Math.min(all.length - 1, Math.max(0, i < 0 ? 0 : i + step))];
        next.focus();
        return;
      }
      let hrefs: string[] = [];
      try {
        hrefs = JSON.parse(sessionStorage.getItem(LIST_KEY) ?? '[]');
      } catch {
        hrefs = [];
      }
      const i = hrefs.indexOf(ticket.href);
      const to = i >= 0 ? hrefs[i + step] : undefined;
      if (to) router.push(to);
      else toast.message(step === 1 ? 'This is the last ticket of the list' : 'This is the first ticket of the list');
    }
    function compose(internal: boolean) {
      const box = document.querySelector<HTMLTextAreaElement>('#comment-body');
      const flag = document.querySelector<HTMLInputElement>('#comment-internal');
      if (flag && flag.checked !== internal) flag.click();
      box?.focus();
    }
    async function assignToMe() {
      if (!ticket) return;
      // no version check: "assign to me" stands whatever changed meanwhile (the workflow updates tickets too)
      try {
        await api('POST', `/hdts/api/v1/tickets/${ticket.id}/assign/`, { assignee_id: ticket.meId });
        toast.success('Assigned to you');
        router.refresh();
      } catch (e) {
        toast.error(e instanceof ApiError ? e.message : 'Could not assign the ticket');
      }
    }
    function approve() {
      const button = [...document.querySelectorAll<HTMLButtonElement>('main button')].find(
        (b) => b.textContent?.trim() === 'Approve',
      );
      if (button) button.click();
      else toast.message('Only a New ticket can be approved');
    }
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e)) return;
      const k = e.key;
      const act = (fn: () => void) => {
        e.preventDefault();
        fn();
      };
      if (k === '?') return act(() => setHelp(true));
      if (k === 'j') return act(() => neighbour(1));
      if (k === 'k') return act(() => neighbour(-1));
      if (!ticket) return;
      if (k === 'r') return act(() => compose(false));
      if (k === 'n') return act(() => compose(true));
      if (k === 'a') return act(() => void assignToMe());
      if (k === 'e' || k === 'A') return act(approve);
    }
    document.addEventListener('keydown', onKey);
    document.documentElement.dataset.shortcuts = ticket ? `ticket:${ticket.ticketNumber}` : 'list';
    return () => {
      document.removeEventListener('keydown', onKey);
      delete document.documentElement.dataset.shortcuts;
    };
  }, [ticket, router]);

  const shown = SHORTCUTS.filter((s) => s.where === 'both' || s.where === (ticket ? 'ticket' : 'list'));
  return (
    <Dialog open={help} onOpenChange={setHelp}>
      <DialogContent title="Keyboard shortcuts" description="They work while you are not typing in a field.">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {shown.map((s) => (
            <div key={s.what} className="contents">
              <dt className="flex gap-1">
                {s.keys.map((key) => (
                  <kbd
                    key={key}
                    className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs dark:border-slate-700 dark:bg-slate-800"
                  >
                    {key}
                  </kbd>
                ))}
              </dt>
              <dd>{s.what}</dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );
}
