'use client';

import { Composer } from './composer';
import { ConversationEntry } from './conversation-entry';
import type { ConversationSource } from './conversation-types';
import { useConversation } from './use-conversation';
import { Viewers } from './viewers';

export interface ConversationPanelProps {
  ticketNumber: string;
  source: ConversationSource;
  currentUserId: number;
  /** Comments only: offer the "internal" switch (coordinators, assigned agents, admins). */
  canPostInternal?: boolean;
  /** Comments only: `public` shows and writes the requester's side of the thread only (the staff's reply box). */
  visibility?: 'all' | 'public';
  title?: string;
  /** A staff portal's page: the reply box offers "Insert saved reply". */
  portal?: 'agent' | 'coordinator' | 'admin';
}

/** A live conversation: its entries (use-conversation), who views and types, and the reply box (composer). */
export function ConversationPanel({
  ticketNumber,
  source,
  currentUserId,
  canPostInternal = false,
  visibility = 'all',
  title,
  portal,
}: ConversationPanelProps) {
  const { items, error, load, act, room } = useConversation(ticketNumber, source, visibility);
  const typing = room.typing.filter((u) => u.id !== currentUserId);
  const heading = title ?? (source === 'comments' ? 'Comments' : 'Coordinator ↔ agent conversation');

  return (
    <section
      aria-label={title ?? (source === 'comments' ? 'Comments' : 'Conversation')}
      className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      data-testid={`conversation-${source}${visibility === 'public' ? '-public' : ''}`}
    >
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">{heading}</h2>
        <div className="flex items-center gap-2">
          {room.joined === false && <span className="text-xs text-slate-500">Live updates unavailable</span>}
          <Viewers viewers={room.viewers} />
        </div>
      </div>
      {error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}{' '}
          <button type="button" className="underline" onClick={load}>
            Retry
          </button>
        </p>
      )}
      {!error && items === null && <p className="text-sm text-slate-500">Loading…</p>}
      {!error && items?.length === 0 && <p className="text-sm text-slate-500">No messages yet.</p>}
      {items && items.length > 0 && (
        <ul className="space-y-2">
          {items.map((c) => (
            <ConversationEntry
              key={c.id}
              item={c}
              source={source}
              ticketNumber={ticketNumber}
              currentUserId={currentUserId}
              act={act}
            />
          ))}
        </ul>
      )}
      <p className="mt-2 h-5 text-xs text-slate-500" aria-live="polite" data-testid="typing">
        {typing.length > 0 && `${typing.map((u) => u.name).join(', ')} ${typing.length > 1 ? 'are' : 'is'} typing…`}
      </p>
      <Composer
        ticketNumber={ticketNumber}
        source={source}
        visibility={visibility}
        canPostInternal={canPostInternal}
        currentUserId={currentUserId}
        onSent={load}
        portal={portal}
      />
    </section>
  );
}

/** The employee's ticket page: the ticket's public comments, live. */
export function PublicComments({ ticketNumber, currentUserId }: { ticketNumber: string; currentUserId: number }) {
  return <ConversationPanel ticketNumber={ticketNumber} source="comments" currentUserId={currentUserId} title="Comments" />;
}
