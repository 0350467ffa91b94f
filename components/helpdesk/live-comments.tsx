'use client';

import { useMemo, useState } from 'react';
import { useDebouncedRefresh } from '@/components/realtime/live-refresh';
import { useTicketRoom } from '@/lib/client/realtime';
import { CommentList, type TicketComment } from './ticket-view';

/**
 * The ticket's comments, live: starts from the server-rendered list and applies the help desk's
 * `comment_update` events of `ticket:{n}` (public comments only; they carry the comment as rendered here).
 * `ticket_update` (e.g. a status change) re-reads the page. After a refresh the server's list and the live
 * changes are merged by id, the newer version of a comment winning.
 */
export function LiveComments({ ticketNumber, comments }: { ticketNumber: string; comments: TicketComment[] }) {
  const refresh = useDebouncedRefresh();
  const [live, setLive] = useState<Map<number, TicketComment | null>>(() => new Map());
  const room = useTicketRoom(ticketNumber, {
    onCommentUpdate: (e) => {
      if (e.source !== 'helpdesk' || e.is_internal) return;
      const c = e.action === 'deleted' ? null : (e.comment as TicketComment | null | undefined);
      if (c === undefined || (c === null && e.action !== 'deleted')) return;
      setLive((m) => new Map(m).set(e.comment_id, c));
    },
    onTicketUpdate: refresh,
  });
  const shown = useMemo(() => {
    const byId = new Map(comments.map((c) => [c.id, c]));
    for (const [id, c] of live) {
      if (c === null) byId.delete(id);
      else {
        const known = byId.get(id);
        if (!known || known.updated_at <= c.updated_at) byId.set(id, c);
      }
    }
    return [...byId.values()].sort((a, b) => a.id - b.id);
  }, [comments, live]);
  return <CommentList comments={shown} live={room.joined === true} />;
}
