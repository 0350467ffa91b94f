'use client';

import { Eye, PenLine } from 'lucide-react';
import { useTicketRoom } from '@/lib/client/realtime';

const names = (people: { name: string }[]) =>
  people.length <= 2
    ? people.map((p) => p.name).join(' and ')
    : `${people
        .slice(0, -1)
        .map((p) => p.name)
        .join(', ')} and ${people[people.length - 1]?.name}`;

/**
 * Collision detection for staff: who else has this ticket open ("Sam is viewing") and who is writing on it
 * ("Sam is replying…", public replies and internal notes alike), live through the ticket's room. Nothing shows
 * while you are alone on it.
 */
export function TicketPresence({ ticketNumber, currentUserId }: { ticketNumber: string; currentUserId: number }) {
  const room = useTicketRoom(ticketNumber, { internalTyping: 'any' });
  const typing = room.typing.filter((u) => u.id !== currentUserId);
  const viewing = room.viewers.filter((v) => v.id !== currentUserId && !typing.some((t) => t.id === v.id));
  return (
    <div aria-live="polite" data-testid="ticket-presence" className="min-h-5 text-sm">
      {(typing.length > 0 || viewing.length > 0) && (
        <p className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200">
          {typing.length > 0 && (
            <span className="inline-flex items-center gap-1.5">
              <PenLine className="h-4 w-4" aria-hidden />
              {names(typing)} {typing.length > 1 ? 'are' : 'is'} replying…
            </span>
          )}
          {viewing.length > 0 && (
            <span className="inline-flex items-center gap-1.5">
              <Eye className="h-4 w-4" aria-hidden />
              {names(viewing)} {viewing.length > 1 ? 'are' : 'is'} viewing
            </span>
          )}
        </p>
      )}
    </div>
  );
}

/** The requester's side: staff writing a public reply right now ("Sam is replying…"). */
export function ReplyingNow({ ticketNumber, currentUserId }: { ticketNumber: string; currentUserId: number }) {
  const room = useTicketRoom(ticketNumber);
  const typing = room.typing.filter((u) => u.id !== currentUserId);
  return (
    <p aria-live="polite" data-testid="typing" className="h-5 text-xs text-slate-500 dark:text-slate-400">
      {typing.length > 0 && `${names(typing)} ${typing.length > 1 ? 'are' : 'is'} replying…`}
    </p>
  );
}
