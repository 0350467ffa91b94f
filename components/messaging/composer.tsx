'use client';

import { useRef } from 'react';
import { z } from 'zod';
import { ArticlePicker, appendLink } from '@/components/knowledge/article-picker';
import { WritePreview } from '@/components/markdown/write-preview';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { Checkbox } from '@/components/ui/input';
import { api } from '@/lib/client/api';
import { draftKey } from '@/lib/client/drafts';
import { useTypingSignal } from '@/lib/client/realtime';
import { useDomainForm } from '@/lib/client/use-domain-form';
import { commentBody } from '@/lib/domain/helpdesk/schemas';
import { insertAtCaret, SavedReplyMenu, useMentions } from './composer-assist';
import type { ConversationSource } from './conversation-types';

const composeForm = z.object({ text: commentBody, is_internal: z.boolean() });

/**
 * The conversation's reply box: a comment of the ticket's thread (public, or internal for staff who may) or a
 * chat message. The draft is kept per user, conversation and ticket until sent; the room hears "… is typing"
 * (internal notes and chat in the staff room only).
 */
export function Composer({
  ticketNumber,
  source,
  visibility,
  canPostInternal,
  currentUserId,
  onSent,
  portal,
}: {
  ticketNumber: string;
  source: ConversationSource;
  visibility: 'all' | 'public';
  canPostInternal: boolean;
  currentUserId: number;
  onSent: () => Promise<void> | void;
  /** Staff portals offer "Insert saved reply" (and link to their saved-replies page). */
  portal?: 'agent' | 'coordinator' | 'admin';
}) {
  const { form, submit, errorOf, formError, pending } = useDomainForm(composeForm, {
    defaultValues: { text: '', is_internal: source === 'messages' },
    draft: draftKey(currentUserId, 'conversation', source, visibility, ticketNumber),
  });
  const { typed, stopped } = useTypingSignal(ticketNumber);
  const offerInternal = source === 'comments' && canPostInternal && visibility === 'all';
  const internal = source === 'messages' || (offerInternal && form.watch('is_internal'));
  const id = `compose-${source}-${ticketNumber}`;
  const text = form.register('text');
  const area = useRef<HTMLTextAreaElement | null>(null);
  const setText = (v: string) => form.setValue('text', v, { shouldDirty: true });
  const mentions = useMentions({ ticketNumber, internal, area, setValue: setText });

  const onSubmit = submit(
    (v) =>
      source === 'comments'
        ? api('POST', '/messaging/api/comments/', {
            ticket_id: ticketNumber,
            text: v.text,
            is_internal: offerInternal && v.is_internal,
          })
        : api('POST', `/messaging/api/messages/ticket/${ticketNumber}/`, { text: v.text }),
    source === 'messages' ? 'Message sent' : internal ? 'Internal note added' : 'Reply posted',
    async (sent) => {
      stopped();
      // clear only what was sent: text typed while the request ran stays
      if (form.getValues('text') === sent.text) form.reset({ text: '', is_internal: form.getValues('is_internal') });
      await onSent();
    },
  );

  const error = errorOf('text');
  return (
    <form onSubmit={onSubmit} noValidate className="mt-1 space-y-2">
      <FormError>{formError}</FormError>
      <label htmlFor={id} className="sr-only">
        {visibility === 'public' ? 'Reply to the requester' : 'Write a message'}
      </label>
      <WritePreview value={form.watch('text') ?? ''}>
        <div className="relative">
          <textarea
            id={id}
            rows={3}
            maxLength={10000}
            aria-invalid={!!error}
            aria-describedby={error ? `${id}-error` : undefined}
            placeholder={
              source === 'messages'
                ? 'Message the team… (@ and a name to mention)'
                : visibility === 'public'
                  ? 'Reply to the requester… (they see this)'
                  : 'Write a comment… (@ and a name to mention)'
            }
            className="w-full rounded-md border border-slate-300 bg-white p-2 text-sm dark:border-slate-700 dark:bg-slate-950"
            {...text}
            {...mentions.inputProps}
            ref={(el) => {
              text.ref(el);
              area.current = el;
            }}
            onChange={(e) => {
              void text.onChange(e);
              typed(internal);
              mentions.track();
            }}
            onBlur={(e) => {
              void text.onBlur(e);
              mentions.inputProps.onBlur();
            }}
          />
          {mentions.list}
        </div>
      </WritePreview>
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <div className="flex items-center justify-between">
        {offerInternal ? (
          <span className="flex items-center gap-2 text-sm">
            <Checkbox id={`${id}-internal`} {...form.register('is_internal')} />
            <label htmlFor={`${id}-internal`}>Internal (not visible to the requester)</label>
          </span>
        ) : (
          <span />
        )}
        <span className="flex items-center gap-2">
          {portal && (
            <SavedReplyMenu ticketNumber={ticketNumber} portal={portal} onInsert={(t) => insertAtCaret(area, setText, t)} />
          )}
          {(canPostInternal || source === 'messages') && (
            <ArticlePicker
              ticket={ticketNumber}
              onPick={(link) => form.setValue('text', appendLink(form.getValues('text'), link), { shouldDirty: true })}
            />
          )}
          <Button type="submit" size="sm" pending={pending}>
            Post
          </Button>
        </span>
      </div>
    </form>
  );
}
