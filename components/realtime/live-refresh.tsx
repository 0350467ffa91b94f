'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef } from 'react';
import { useTicketRoom } from '@/lib/client/realtime';

/** A router.refresh() that runs once for a burst of calls (a workflow move and the status sync it causes). */
export function useDebouncedRefresh(delayMs = 300): () => void {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      router.refresh();
    }, delayMs);
  }, [router, delayMs]);
}

/**
 * Keeps a server-rendered page current: joins the ticket's rooms (after the server's policy check) and
 * re-reads the page on every `ticket_update` — help-desk changes such as status, and (staff room only)
 * task transitions, escalations, transfers and ownership changes. Renders nothing visible.
 */
export function LiveRefresh({ ticketNumber }: { ticketNumber: string }) {
  const refresh = useDebouncedRefresh();
  const room = useTicketRoom(ticketNumber, { onTicketUpdate: refresh });
  return <span hidden data-testid="live-refresh" data-joined={room.joined === null ? 'pending' : String(room.joined)} />;
}
