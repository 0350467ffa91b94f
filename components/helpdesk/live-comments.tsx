'use client';

import { useMemo, useState } from 'react';
import { toast } from 'sonner';
import { useDebouncedRefresh } from '@/components/realtime/live-refresh';
import { api } from '@/lib/client/api';
import { useTicketRoom } from '@/lib/client/realtime';
import { CommentList, type TicketComment } from './ticket-view';

/**
 * The ticket's one thread, live: starts from the server-rendered newest comments and applies the thread's
 * `comment_update` events of `ticket:{n}` (public comments carry the comment as rendered here). Events without
 * a rendered comment (internal notes, reaching staff only; ratings; unsends) and `ticket_update` re-read the page.
 * "Show earlier comments" pages back through `GET …/comments/?before=<oldest id>`.
 */
export function LiveComments({
  ticketId,
  ticketNumber,
  comments,
  total,
}: {
  ticketId: number;
  ticketNumber: string;
  comments: TicketComment[];
  /** How many comments the reader may see in all (`comments_count`). */
  total?: number;
}) {
  const refresh = useDebouncedRefresh();
  const [live, setLive] = useState<Map<number, TicketComment | null>>(() => new Map());
  const [earlier, setEarlier] = useState<TicketComment[]>([]);
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  const room = useTicketRoom(ticketNumber, {
    onCommentUpdate: (e) => {
      if (e.source !== 'thread') return;
      const c = e.action === 'deleted' ? null : (e.comment as TicketComment | null | undefined);
      if (c === undefined || (c === null && e.action !== 'deleted')) {
        refresh();
        return;
      }
      setLive((m) => new Map(m).set(e.comment_id, c));
    },
    onTicketUpdate: refresh,
  });
  const shown = useMemo(() => {
    const byId = new Map([...earlier, ...comments].map((c) => [c.id, c]));
    for (const [id, c] of live) {
      if (c === null) byId.delete(id);
      else {
        const known = byId.get(id);
        if (!known || known.updated_at <= c.updated_at) byId.set(id, c);
      }
    }
    return [...byId.values()].sort((a, b) => a.id - b.id);
  }, [comments, earlier, live]);
  const hidden = total === undefined ? 0 : Math.max(0, total - comments.length - earlier.length);

  async function loadEarlier() {
    const oldest = shown[0]?.id;
    if (!oldest) return;
    setLoadingEarlier(true);
    try {
      const page = await api<{ results: TicketComment[] }>(
        'GET',
        `/hdts/api/tickets/${ticketId}/comments/?before=${oldest}&page_size=50`,
      );
      setEarlier((e) => [...page.results, ...e]);
    } catch (err) {
      toast.error(err instanceof Error ? err.message : 'Could not load earlier comments');
    } finally {
      setLoadingEarlier(false);
    }
  }

  return (
    <CommentList
      comments={shown}
      live={room.joined === true}
      before={
        hidden > 0 ? (
          <button
            type="button"
            onClick={loadEarlier}
            disabled={loadingEarlier}
            className="mb-2 rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            {loadingEarlier ? 'Loading…' : `Show earlier comments (${hidden})`}
          </button>
        ) : null
      }
    />
  );
}
