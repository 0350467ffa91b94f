'use client';

import { useCallback, useEffect, useState } from 'react';
import { toast } from 'sonner';
import { api } from '@/lib/client/api';
import { useTicketRoom } from '@/lib/client/realtime';
import type { ConversationItem, ConversationSource } from './conversation-types';

/**
 * A conversation's entries, read through the messaging API and re-read on every change event of the ticket's
 * room; `act` runs an action on an entry (asking first when `confirmText` is given) and re-reads.
 */
export function useConversation(ticketNumber: string, source: ConversationSource, visibility: 'all' | 'public') {
  const [items, setItems] = useState<ConversationItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const listUrl =
    source === 'comments'
      ? `/messaging/api/comments/?ticket_id=${ticketNumber}&page_size=100&visibility=${visibility}`
      : `/messaging/api/messages/ticket/${ticketNumber}/?page_size=100`;

  const load = useCallback(async () => {
    try {
      const page = await api<{ results: ConversationItem[] }>('GET', listUrl);
      setItems(page.results);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not load the conversation');
    }
  }, [listUrl]);

  useEffect(() => {
    load();
  }, [load]);

  const room = useTicketRoom(ticketNumber, {
    onCommentUpdate: source === 'comments' ? () => load() : undefined,
    onMessageUpdate: source === 'messages' ? () => load() : undefined,
    internalTyping: source === 'messages',
  });

  const act = useCallback(
    async (fn: () => Promise<unknown>, confirmText?: string) => {
      if (confirmText && !window.confirm(confirmText)) return;
      try {
        await fn();
        await load();
      } catch (err) {
        toast.error(err instanceof Error ? err.message : 'Could not update');
      }
    },
    [load],
  );

  return { items, error, load, act, room };
}
