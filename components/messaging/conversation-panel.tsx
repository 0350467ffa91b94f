'use client';

import { formatDistanceToNow } from 'date-fns';
import { Lock, ThumbsDown, ThumbsUp } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import { ArticlePicker, appendLink } from '@/components/knowledge/article-picker';
import { LinkedText } from '@/components/knowledge/linked-text';
import { ApiError, api } from '@/lib/client/api';
import { useTicketRoom, type Viewer } from '@/lib/client/realtime';

interface Item {
  id: number;
  user_id: number;
  username: string;
  text: string;
  created_at: string;
  is_internal?: boolean;
  is_unsent?: boolean;
  edited_at?: string | null;
  parent_id?: number | null;
  ratings?: { thumbs_up: number; thumbs_down: number };
  my_rating?: 'thumbs_up' | 'thumbs_down' | null;
  replies?: Item[];
}

export interface ConversationPanelProps {
  ticketNumber: string;
  /** `comments`: the ticket's comments (public, plus internal for staff); `messages`: the coordinator ↔ agent chat. */
  source: 'comments' | 'messages';
  currentUserId: number;
  /** Comments only: offer the "internal" switch (coordinators, assigned agents, admins). */
  canPostInternal?: boolean;
  /** Comments only: `public` shows and writes the requester's side of the thread only (the staff's reply box). */
  visibility?: 'all' | 'public';
  title?: string;
}

/** Drafts stay in the browser until sent (a reload, a lost session or a crash loses nothing). */
function useDraft(key: string): [string, (v: string | ((now: string) => string)) => void] {
  const [text, setTextState] = useState('');
  useEffect(() => {
    try {
      setTextState(window.localStorage.getItem(key) ?? '');
    } catch {
      /* storage unavailable: the draft lives in memory only */
    }
  }, [key]);
  const setText = useCallback(
    (v: string | ((now: string) => string)) =>
      setTextState((now) => {
        const next = typeof v === 'function' ? v(now) : v;
        try {
          if (next) window.localStorage.setItem(key, next);
          else window.localStorage.removeItem(key);
        } catch {
          /* ignore */
        }
        return next;
      }),
    [key],
  );
  return [text, setText];
}

function initials(name: string) {
  return name
    .split(/[\s._-]+/)
    .map((p) => p[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

function Viewers({ viewers }: { viewers: Viewer[] }) {
  if (!viewers.length) return null;
  return (
    <ul className="flex -space-x-2" aria-label={`Viewing now: ${viewers.map((v) => v.name).join(', ')}`} data-testid="viewers">
      {viewers.slice(0, 6).map((v) => (
        <li
          key={v.id}
          title={v.name}
          className="flex h-7 w-7 items-center justify-center rounded-full border-2 border-white bg-brand-100 text-[10px] font-semibold text-brand-700 dark:border-slate-900"
        >
          {initials(v.name)}
        </li>
      ))}
      {viewers.length > 6 && <li className="pl-3 text-xs text-slate-500">+{viewers.length - 6}</li>}
    </ul>
  );
}

/** A live conversation: list, post, typing indicator and viewers; re-reads through the API on every change event. */
export function ConversationPanel({
  ticketNumber,
  source,
  currentUserId,
  canPostInternal = false,
  visibility = 'all',
  title,
}: ConversationPanelProps) {
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useDraft(`switchboard:draft:${source}:${visibility}:${ticketNumber}`);
  const [internal, setInternal] = useState(source === 'messages');
  const [posting, setPosting] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const listUrl =
    source === 'comments'
      ? `/messaging/api/comments/?ticket_id=${ticketNumber}&page_size=100&visibility=${visibility}`
      : `/messaging/api/messages/ticket/${ticketNumber}/?page_size=100`;

  const load = useCallback(async () => {
    try {
      const page = await api<{ results: Item[] }>('GET', listUrl);
      setItems(page.results);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not load the conversation');
    }
  }, [listUrl]);

  useEffect(() => {
    load();
  }, [load]);

  const internalTyping = source === 'messages';
  const room = useTicketRoom(ticketNumber, {
    onCommentUpdate: source === 'comments' ? () => load() : undefined,
    onMessageUpdate: source === 'messages' ? () => load() : undefined,
    internalTyping,
  });
  const typing = room.typing.filter((u) => u.id !== currentUserId);

  function onType(value: string) {
    setText(value);
    setFieldError(null);
    if (!typingTimer.current) room.sendTyping(true, internalTyping);
    else clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(() => {
      room.sendTyping(false, internalTyping);
      typingTimer.current = null;
    }, 2000);
  }

  async function post(e: React.FormEvent) {
    e.preventDefault();
    if (!text.trim()) {
      setFieldError('Write something first');
      return;
    }
    setPosting(true);
    const sent = text;
    try {
      if (source === 'comments')
        await api('POST', '/messaging/api/comments/', {
          ticket_id: ticketNumber,
          text: sent,
          is_internal: canPostInternal && visibility === 'all' && internal,
        });
      else await api('POST', `/messaging/api/messages/ticket/${ticketNumber}/`, { text: sent });
      // clear only what was sent: text typed while the request ran stays
      setText((now) => (now === sent ? '' : now));
      if (typingTimer.current) clearTimeout(typingTimer.current);
      typingTimer.current = null;
      room.sendTyping(false, internalTyping);
      await load();
    } catch (err) {
      if (err instanceof ApiError && err.fields.text) setFieldError(err.fields.text.join(' '));
      else toast.error(err instanceof Error ? err.message : 'Could not post');
    } finally {
      setPosting(false);
    }
  }

  async function act(fn: () => Promise<unknown>, confirmText?: string) {
    if (confirmText && !window.confirm(confirmText)) return;
    try {
      await fn();
      await load();
    } catch (err) {
      toast.error(err instanceof Error ? err.message : 'Could not update');
    }
  }

  const renderItem = (c: Item, isReply = false) => (
    <li
      key={c.id}
      className={`${isReply ? 'ml-8 mt-2' : ''} rounded-lg border border-slate-200 p-3 dark:border-slate-800`}
      data-testid="conversation-item"
    >
      <div className="flex items-center gap-2 text-xs text-slate-500">
        <span className="font-semibold text-slate-800 dark:text-slate-200">{c.username}</span>
        <span>{formatDistanceToNow(new Date(c.created_at), { addSuffix: true })}</span>
        {c.is_internal && source === 'comments' && (
          <span className="inline-flex items-center gap-1 rounded bg-amber-100 px-1.5 py-0.5 text-amber-800">
            <Lock className="h-3 w-3" aria-hidden /> Internal
          </span>
        )}
        {c.edited_at && <span>(edited)</span>}
      </div>
      <p className={`mt-1 whitespace-pre-wrap text-sm ${c.is_unsent ? 'italic text-slate-400' : ''}`}>
        {c.is_unsent ? 'Message unsent' : <LinkedText text={c.text} />}
      </p>
      <div className="mt-2 flex items-center gap-2 text-xs">
        {source === 'comments' && c.ratings && (
          <>
            <button
              type="button"
              aria-label={`Thumbs up (${c.ratings.thumbs_up})`}
              aria-pressed={c.my_rating === 'thumbs_up'}
              onClick={() => act(() => api('POST', `/messaging/api/comments/${c.id}/rate/`, { rating: 'thumbs_up' }))}
              className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 hover:bg-slate-100 dark:hover:bg-slate-800 ${c.my_rating === 'thumbs_up' ? 'text-brand-700' : ''}`}
            >
              <ThumbsUp className="h-3 w-3" aria-hidden /> {c.ratings.thumbs_up}
            </button>
            <button
              type="button"
              aria-label={`Thumbs down (${c.ratings.thumbs_down})`}
              aria-pressed={c.my_rating === 'thumbs_down'}
              onClick={() => act(() => api('POST', `/messaging/api/comments/${c.id}/rate/`, { rating: 'thumbs_down' }))}
              className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 hover:bg-slate-100 dark:hover:bg-slate-800 ${c.my_rating === 'thumbs_down' ? 'text-brand-700' : ''}`}
            >
              <ThumbsDown className="h-3 w-3" aria-hidden /> {c.ratings.thumbs_down}
            </button>
          </>
        )}
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
              onClick={() =>
                act(
                  () =>
                    api(
                      'DELETE',
                      source === 'comments'
                        ? `/messaging/api/comments/${c.id}/`
                        : `/messaging/api/messages/ticket/${ticketNumber}/${c.id}/`,
                    ),
                  'Delete this for everyone? This cannot be undone.',
                )
              }
            >
              Delete
            </button>
          </>
        )}
      </div>
      {c.replies && c.replies.length > 0 && <ul>{c.replies.map((r) => renderItem(r, true))}</ul>}
    </li>
  );

  return (
    <section
      aria-label={title ?? (source === 'comments' ? 'Comments' : 'Conversation')}
      className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      data-testid={`conversation-${source}${visibility === 'public' ? '-public' : ''}`}
    >
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">
          {title ?? (source === 'comments' ? 'Comments' : 'Coordinator ↔ agent conversation')}
        </h2>
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
      {items && items.length > 0 && <ul className="space-y-2">{items.map((c) => renderItem(c))}</ul>}
      <p className="mt-2 h-5 text-xs text-slate-500" aria-live="polite" data-testid="typing">
        {typing.length > 0 && `${typing.map((u) => u.name).join(', ')} ${typing.length > 1 ? 'are' : 'is'} typing…`}
      </p>
      <form onSubmit={post} className="mt-1 space-y-2">
        <label htmlFor={`compose-${source}-${ticketNumber}`} className="sr-only">
          {visibility === 'public' ? 'Reply to the requester' : 'Write a message'}
        </label>
        <textarea
          id={`compose-${source}-${ticketNumber}`}
          value={text}
          onChange={(e) => onType(e.target.value)}
          rows={3}
          maxLength={10000}
          aria-invalid={!!fieldError}
          aria-describedby={fieldError ? `compose-error-${source}` : undefined}
          placeholder={
            source === 'messages'
              ? 'Message the team… (@username to mention)'
              : visibility === 'public'
                ? 'Reply to the requester… (they see this)'
                : 'Write a comment… (@username to mention)'
          }
          className="w-full rounded-md border border-slate-300 bg-white p-2 text-sm dark:border-slate-700 dark:bg-slate-950"
        />
        {fieldError && (
          <p id={`compose-error-${source}`} className="text-xs text-red-700">
            {fieldError}
          </p>
        )}
        <div className="flex items-center justify-between">
          {source === 'comments' && canPostInternal && visibility === 'all' ? (
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={internal}
                onChange={(e) => setInternal(e.target.checked)}
                className="accent-brand-600"
              />{' '}
              Internal (not visible to the requester)
            </label>
          ) : (
            <span />
          )}
          <span className="flex items-center gap-2">
            {(canPostInternal || source === 'messages') && (
              <ArticlePicker ticket={ticketNumber} onPick={(link) => setText((t) => appendLink(t, link))} />
            )}
            <button
              type="submit"
              disabled={posting}
              className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
            >
              {posting ? 'Posting…' : 'Post'}
            </button>
          </span>
        </div>
      </form>
    </section>
  );
}

/** The employee's ticket page: the ticket's public comments, live. */
export function PublicComments({ ticketNumber, currentUserId }: { ticketNumber: string; currentUserId: number }) {
  return <ConversationPanel ticketNumber={ticketNumber} source="comments" currentUserId={currentUserId} title="Comments" />;
}
