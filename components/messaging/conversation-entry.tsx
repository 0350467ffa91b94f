'use client';

import { Lock, ThumbsDown, ThumbsUp } from 'lucide-react';
import { MarkdownText } from '@/components/markdown/markdown-text';
import { Time } from '@/components/ui/time';
import { api } from '@/lib/client/api';
import type { ConversationItem, ConversationSource } from './conversation-types';

const RATINGS = [
  { rating: 'thumbs_up', label: 'Thumbs up', Icon: ThumbsUp },
  { rating: 'thumbs_down', label: 'Thumbs down', Icon: ThumbsDown },
] as const;

/**
 * One comment or message with its replies and the author's actions (rate, unsend, delete). `act` runs an
 * action, asking first when `confirmText` is given, and re-reads the conversation.
 */
export function ConversationEntry({
  item: c,
  source,
  ticketNumber,
  currentUserId,
  act,
  isReply = false,
}: {
  item: ConversationItem;
  source: ConversationSource;
  ticketNumber: string;
  currentUserId: number;
  act: (fn: () => Promise<unknown>, confirmText?: string) => void;
  isReply?: boolean;
}) {
  const remove = () =>
    api(
      'DELETE',
      source === 'comments' ? `/messaging/api/comments/${c.id}/` : `/messaging/api/messages/ticket/${ticketNumber}/${c.id}/`,
    );
  return (
    <li
      className={`${isReply ? 'ml-8 mt-2' : ''} rounded-lg border border-slate-200 p-3 dark:border-slate-800`}
      data-testid="conversation-item"
    >
      <div className="flex items-center gap-2 text-xs text-slate-500">
        <span className="font-semibold text-slate-800 dark:text-slate-200">{c.username}</span>
        <Time value={c.created_at} />
        {c.is_internal && source === 'comments' && (
          <span className="inline-flex items-center gap-1 rounded bg-amber-100 px-1.5 py-0.5 text-amber-800">
            <Lock className="h-3 w-3" aria-hidden /> Internal
          </span>
        )}
        {c.edited_at && <span>(edited)</span>}
      </div>
      {c.is_unsent ? (
        <p className="mt-1 text-sm italic text-slate-400">Message unsent</p>
      ) : (
        <MarkdownText source={c.text} mentions={c.mentions} className="mt-1" />
      )}
      <div className="mt-2 flex items-center gap-2 text-xs">
        {source === 'comments' &&
          c.ratings &&
          RATINGS.map(({ rating, label, Icon }) => (
            <button
              key={rating}
              type="button"
              aria-label={`${label} (${c.ratings?.[rating]})`}
              aria-pressed={c.my_rating === rating}
              onClick={() => act(() => api('POST', `/messaging/api/comments/${c.id}/rate/`, { rating }))}
              className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 hover:bg-slate-100 dark:hover:bg-slate-800 ${c.my_rating === rating ? 'text-brand-700' : ''}`}
            >
              <Icon className="h-3 w-3" aria-hidden /> {c.ratings?.[rating]}
            </button>
          ))}
        {c.user_id === currentUserId && !c.is_unsent && (
          <>
            {source === 'messages' && (
              <button
                type="button"
                className="rounded px-1.5 py-0.5 hover:bg-slate-100 dark:hover:bg-slate-800"
                onClick={() =>
                  act(
                    () => api('POST', `/messaging/api/messages/ticket/${ticketNumber}/${c.id}/unsend/`),
                    'Unsend this message for everyone?',
                  )
                }
              >
                Unsend
              </button>
            )}
            <button
              type="button"
              className="rounded px-1.5 py-0.5 text-red-700 hover:bg-red-50 dark:hover:bg-red-950"
              onClick={() => act(remove, 'Delete this for everyone? This cannot be undone.')}
            >
              Delete
            </button>
          </>
        )}
      </div>
      {c.replies && c.replies.length > 0 && (
        <ul>
          {c.replies.map((r) => (
            <ConversationEntry
              key={r.id}
              item={r}
              source={source}
              ticketNumber={ticketNumber}
              currentUserId={currentUserId}
              act={act}
              isReply
            />
          ))}
        </ul>
      )}
    </li>
  );
}
