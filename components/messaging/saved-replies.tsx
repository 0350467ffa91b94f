'use client';

import { MessageSquareText, Pencil, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog, Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/field';
import { FieldInput, FieldTextarea } from '@/components/ui/form-controls';
import { Checkbox } from '@/components/ui/input';
import { api } from '@/lib/client/api';
import { useDomainForm } from '@/lib/client/use-domain-form';
import { useMutation } from '@/lib/client/use-mutation';
import type { CannedResponse } from '@/lib/domain/messaging/canned-responses';
import { CANNED_BODY_MAX, CANNED_PLACEHOLDERS, CANNED_TITLE_MAX, cannedInput } from '@/lib/domain/messaging/canned-schemas';

const PLACEHOLDER_HINT = `Placeholders: ${Object.keys(CANNED_PLACEHOLDERS)
  .map((p) => `{{${p}}}`)
  .join(', ')} — filled for the ticket when you insert the reply.`;

/** Create or edit one saved reply (`reply` given: edit). Admins may share it with all staff. */
function ReplyDialog({ reply, canShare }: { reply?: CannedResponse; canShare: boolean }) {
  const [open, setOpen] = useState(false);
  const defaults = { title: reply?.title ?? '', body: reply?.body ?? '', shared: reply?.shared ?? false };
  const { form, submit, errorOf, formError, pending, reset } = useDomainForm(cannedInput, { defaultValues: defaults });
  const id = reply ? `saved-reply-${reply.id}` : 'saved-reply-new';
  const onSubmit = submit(
    (v) =>
      reply
        ? api('PATCH', `/hdts/api/canned-responses/${reply.id}/`, canShare ? v : { title: v.title, body: v.body })
        : api('POST', '/hdts/api/canned-responses/', canShare ? v : { title: v.title, body: v.body }),
    reply ? 'Saved reply updated' : 'Saved reply added',
    () => setOpen(false),
  );
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) reset();
        if (o) form.reset(defaults);
      }}
    >
      <DialogTrigger asChild>
        {reply ? (
          <Button variant="ghost" size="sm" aria-label={`Edit ${reply.title}`}>
            <Pencil className="h-3.5 w-3.5" aria-hidden /> Edit
          </Button>
        ) : (
          <Button>
            <Plus className="h-4 w-4" aria-hidden /> New saved reply
          </Button>
        )}
      </DialogTrigger>
      <DialogContent title={reply ? 'Edit saved reply' : 'New saved reply'} description={PLACEHOLDER_HINT}>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <FormError>{formError}</FormError>
          <FieldInput
            id={`${id}-title`}
            label="Title"
            required
            maxLength={CANNED_TITLE_MAX}
            error={errorOf('title')}
            {...form.register('title')}
          />
          <FieldTextarea
            id={`${id}-body`}
            label="Text"
            required
            rows={6}
            maxLength={CANNED_BODY_MAX}
            error={errorOf('body')}
            hint="Hi {{requester.first_name}}, about {{ticket.number}}…"
            {...form.register('body')}
          />
          {canShare && (
            <div className="flex items-center gap-2 text-sm">
              <Checkbox id={`${id}-shared`} {...form.register('shared')} />
              <label htmlFor={`${id}-shared`}>Share with all staff (coordinators, agents and admins)</label>
            </div>
          )}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" pending={pending}>
              {reply ? 'Save changes' : 'Add saved reply'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/**
 * The caller's saved replies and the shared ones: add, edit and delete (asking first). A personal reply is its
 * owner's; shared ones are changed by admins only (the API refuses the rest too).
 */
export function SavedReplies({ replies, canShare }: { replies: CannedResponse[]; canShare: boolean }) {
  const { run } = useMutation();
  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        <ReplyDialog canShare={canShare} />
      </div>
      {replies.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
          <MessageSquareText className="mx-auto h-8 w-8 text-slate-400" aria-hidden />
          <p className="mt-2 font-medium">No saved replies yet</p>
          <p className="mt-1 text-sm text-slate-500">
            Save the answers you write often; insert them from any reply box with “Insert saved reply”.
          </p>
        </div>
      ) : (
        <ul className="space-y-2" aria-label="Saved replies">
          {replies.map((r) => {
            const canChange = r.shared ? canShare : r.mine;
            return (
              <li
                key={r.id}
                className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
                data-testid="saved-reply"
              >
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h2 className="flex items-center gap-2 font-medium">
                    {r.title}
                    {r.shared ? <Badge tone="info">Shared</Badge> : <Badge>Personal</Badge>}
                  </h2>
                  {canChange && (
                    <span className="flex items-center gap-1">
                      <ReplyDialog reply={r} canShare={canShare} />
                      <ConfirmDialog
                        title={`Delete “${r.title}”?`}
                        description={
                          r.shared
                            ? 'It is removed for all staff. This cannot be undone.'
                            : 'This saved reply is removed. This cannot be undone.'
                        }
                        confirmLabel="Delete"
                        destructive
                        trigger={
                          <Button variant="ghost" size="sm" aria-label={`Delete ${r.title}`}>
                            <Trash2 className="h-3.5 w-3.5" aria-hidden /> Delete
                          </Button>
                        }
                        onConfirm={async () => {
                          await run(
                            () => api('DELETE', `/hdts/api/canned-responses/${r.id}/`),
                            `Saved reply “${r.title}” deleted`,
                          );
                        }}
                      />
                    </span>
                  )}
                </div>
                <p className="mt-2 line-clamp-3 whitespace-pre-wrap text-sm text-slate-600 dark:text-slate-400">{r.body}</p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
