'use client';

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
}: {
  ticketNumber: string;
  source: ConversationSource;
  visibility: 'all' | 'public';
  canPostInternal: boolean;
  currentUserId: number;
  onSent: () => Promise<void> | void;
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
        <textarea
          id={id}
          rows={3}
          maxLength={10000}
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-error` : undefined}
          placeholder={
            source === 'messages'
              ? 'Message the team… (@username to mention)'
              : visibility === 'public'
                ? 'Reply to the requester… (they see this)'
                : 'Write a comment… (@username to mention)'
          }
          className="w-full rounded-md border border-slate-300 bg-white p-2 text-sm dark:border-slate-700 dark:bg-slate-950"
          {...text}
          onChange={(e) => {
            void text.onChange(e);
            typed(internal);
          }}
        />
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
