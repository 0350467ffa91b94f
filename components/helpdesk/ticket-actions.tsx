'use client';

import { Star } from 'lucide-react';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { ArticlePicker, appendLink } from '@/components/knowledge/article-picker';
import { WritePreview } from '@/components/markdown/write-preview';
import { Button } from '@/components/ui/button';
import { ConfirmDialog, Dialog, DialogContent, DialogFooter, DialogTrigger } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/field';
import { FieldSelect, FieldTextarea } from '@/components/ui/form-controls';
import { Checkbox } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { api } from '@/lib/client/api';
import { draftKey } from '@/lib/client/drafts';
import { chosen } from '@/lib/client/form-schemas';
import { useTypingSignal } from '@/lib/client/realtime';
import { useDomainForm } from '@/lib/client/use-domain-form';
import { useMutation } from '@/lib/client/use-mutation';
import { csatRatingPath } from '@/lib/domain/helpdesk/links';
import {
  approveInput,
  commentBody,
  csatInput,
  PRIORITIES,
  rejectInput,
  statusInput,
  withdrawInput,
} from '@/lib/domain/helpdesk/schemas';
import { useSeenVersion } from './seen-version';

const base = (id: number) => `/hdts/api/tickets/${id}`;

const REASON_SCHEMAS = { withdraw: withdrawInput, reject: rejectInput } as const;

/** A dialog asking for a required reason (withdraw, reject); a ticket changed since it was shown is asked about. */
export function ReasonDialog({
  ticketId,
  updatedAt,
  action,
  label,
  title,
  description,
  confirm,
  done,
  destructive,
}: {
  ticketId: number;
  /** The ticket's `updated_at` as the page showed it. */
  updatedAt: string;
  action: keyof typeof REASON_SCHEMAS;
  label: string;
  title: string;
  description: string;
  confirm: string;
  done: string;
  destructive?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const schema = REASON_SCHEMAS[action];
  const field = Object.keys(schema.shape)[0] as 'reason';
  const version = useSeenVersion(updatedAt);
  const { form, submit, errorOf, formError, error, pending, reset } = useDomainForm(schema as typeof withdrawInput, {
    defaultValues: { [field]: '' },
  });
  const id = `${action}-${field}`;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={destructive ? 'danger' : 'secondary'}>{confirm}</Button>
      </DialogTrigger>
      <DialogContent title={title} description={description}>
        <form
          noValidate
          onSubmit={submit(
            (v) => api('POST', `${base(ticketId)}/${action}/`, { [field]: v[field], expected_updated_at: version.expected }),
            done,
            () => {
              version.written();
              setOpen(false);
            },
          )}
        >
          <FormError>{version.isConflict(error) ? null : formError}</FormError>
          {version.prompt(error, `${action} it`, reset)}
          <FieldTextarea id={id} label={label} error={errorOf(field)} {...form.register(field)} />
          <DialogFooter>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" variant={destructive ? 'danger' : 'primary'} pending={pending}>
              {confirm}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The requester closes a Resolved ticket; the page then opens the rating dialog (`?rate=1`, as the CSAT e-mail does). */
export function CloseTicketButton({ ticketId, ticketNumber }: { ticketId: number; ticketNumber: string }) {
  // No inline place for an error here: it shows as a toast.
  const { run } = useMutation();
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={<Button>Close ticket</Button>}
      title="Close this ticket?"
      description="Confirm that the problem is solved. You can reopen it within 7 days, and rate the support you received."
      confirmLabel="Close ticket"
      onConfirm={async () => {
        if (await run(() => api('POST', `${base(ticketId)}/close/`, {}), 'Ticket closed'))
          router.replace(csatRatingPath(ticketNumber), { scroll: false });
      }}
    />
  );
}

export function ReopenButton({ ticketId }: { ticketId: number }) {
  // No inline place for an error here: it shows as a toast.
  const { run } = useMutation();
  return (
    <ConfirmDialog
      trigger={<Button variant="secondary">Reopen</Button>}
      title="Reopen this ticket?"
      description="The ticket goes back to Open and the support team is told."
      confirmLabel="Reopen"
      onConfirm={async () => {
        await run(() => api('POST', `${base(ticketId)}/reopen/`, {}), 'Ticket reopened');
      }}
    />
  );
}

const csatForm = csatInput.extend({ rating: z.number().min(1, 'Choose 1 to 5 stars').pipe(csatInput.shape.rating) });
const approveForm = approveInput.extend({
  priority: chosen(approveInput.shape.priority, 'Choose a priority'),
  department: chosen(approveInput.shape.department, 'Choose a department'),
});

/**
 * Stars 1–5 (a radio group: arrow keys move, colour is not the only signal) and optional feedback. `defaultOpen`:
 * the page was opened to rate (`?rate=1`: right after closing, or from the CSAT e-mail); closing the dialog takes
 * the parameter off the address, so a reload does not ask again.
 */
export function CsatDialog({ ticketId, defaultOpen }: { ticketId: number; defaultOpen?: boolean }) {
  const [open, setOpen] = useState(!!defaultOpen);
  const router = useRouter();
  const pathname = usePathname();
  // also when the page is already shown (closing the ticket lands here with ?rate=1)
  useEffect(() => {
    if (defaultOpen) setOpen(true);
  }, [defaultOpen]);
  const openChange = (next: boolean) => {
    setOpen(next);
    if (!next && defaultOpen) router.replace(pathname, { scroll: false });
  };
  const { form, submit, errorOf, formError, pending } = useDomainForm(csatForm, { defaultValues: { rating: 0, feedback: '' } });
  const rating = form.watch('rating') ?? 0;
  const err = errorOf('rating');
  return (
    <Dialog open={open} onOpenChange={openChange}>
      <DialogTrigger asChild>
        <Button>Rate support</Button>
      </DialogTrigger>
      <DialogContent title="How did we do?" description="Rate the support you received on this ticket.">
        <form
          noValidate
          onSubmit={submit(
            (v) => api('POST', `${base(ticketId)}/csat/`, { rating: v.rating, feedback: v.feedback || null }),
            'Thank you for your feedback',
            () => openChange(false),
          )}
        >
          <FormError>{formError}</FormError>
          <fieldset>
            <legend className="mb-2 text-sm font-medium">Rating</legend>
            <div role="radiogroup" aria-label="Rating" className="flex gap-1">
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n} className="cursor-pointer rounded p-1 focus-within:outline-2 focus-within:outline-brand-500">
                  <input
                    type="radio"
                    name="rating"
                    value={n}
                    className="sr-only"
                    checked={rating === n}
                    onChange={() => form.setValue('rating', n, { shouldValidate: form.formState.isSubmitted })}
                    aria-label={`${n} star${n > 1 ? 's' : ''}`}
                  />
                  <Star className={`h-7 w-7 ${n <= rating ? 'fill-amber-400 text-amber-500' : 'text-slate-400'}`} aria-hidden />
                </label>
              ))}
              <span className="ml-2 self-center text-sm text-slate-600">{rating ? `${rating} of 5` : 'Not rated'}</span>
            </div>
            {err && <p className="mt-1 text-xs font-medium text-red-700">{err}</p>}
          </fieldset>
          <FieldTextarea id="csat-feedback" label="Feedback (optional)" fieldClassName="mt-4" {...form.register('feedback')} />
          <DialogFooter>
            <Button variant="secondary" onClick={() => openChange(false)}>
              Later
            </Button>
            <Button type="submit" pending={pending}>
              Submit rating
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function ApproveDialog({
  ticketId,
  updatedAt,
  departments,
  defaultDepartment,
}: {
  ticketId: number;
  /** The ticket's `updated_at` as the page showed it: approving over a newer change asks first. */
  updatedAt: string;
  departments: string[];
  defaultDepartment: string | null;
}) {
  const [open, setOpen] = useState(false);
  const version = useSeenVersion(updatedAt);
  const { form, submit, errorOf, formError, error, pending, reset } = useDomainForm(approveForm, {
    defaultValues: { priority: '', department: defaultDepartment ?? '', approval_notes: '' },
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>Approve</Button>
      </DialogTrigger>
      <DialogContent
        title="Approve ticket"
        description="Set the priority and department; the ticket goes to the workflow engine."
      >
        <form
          noValidate
          className="space-y-3"
          onSubmit={submit(
            (v) =>
              api('POST', `${base(ticketId)}/approve/`, {
                ...v,
                approval_notes: v.approval_notes || null,
                expected_updated_at: version.expected,
              }),
            'Ticket approved',
            () => {
              version.written();
              setOpen(false);
            },
          )}
        >
          <FormError>{version.isConflict(error) ? null : formError}</FormError>
          {version.prompt(error, 'approve it', reset)}
          <FieldSelect id={`p-${ticketId}`} label="Priority" error={errorOf('priority')} {...form.register('priority')}>
            <option value="">Choose a priority</option>
            {PRIORITIES.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </FieldSelect>
          <FieldSelect id={`d-${ticketId}`} label="Department" error={errorOf('department')} {...form.register('department')}>
            <option value="">Choose a department</option>
            {departments.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </FieldSelect>
          <FieldTextarea id={`n-${ticketId}`} label="Approval notes (optional)" rows={3} {...form.register('approval_notes')} />
          <DialogFooter>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" pending={pending}>
              Approve
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

const statusForm = statusInput.pick({ status: true }).extend({
  status: chosen(statusInput.shape.status, 'Choose a status'),
});

/**
 * Staff status change among the allowed transitions; closing asks for confirmation. The change carries the
 * ticket's `updated_at` as this page first showed it: when someone else changed the ticket since, the domain
 * answers 409 CONFLICT and the person is asked (reload, or change it anyway) instead of overwriting unseen.
 */
export function StatusChanger({
  ticketId,
  allowed,
  held = [],
  heldReason = null,
  updatedAt,
}: {
  ticketId: number;
  allowed: string[];
  /** Changes a workflow holds back while it works the ticket, and why (shown under the control). */
  held?: string[];
  heldReason?: string | null;
  updatedAt: string;
}) {
  const [confirming, setConfirming] = useState(false);
  const version = useSeenVersion(updatedAt);
  const {
    form,
    submit,
    errorOf,
    formError,
    error: failure,
    pending,
    reset,
  } = useDomainForm(statusForm, {
    defaultValues: { status: '' },
  });
  const status = form.watch('status');
  const heldNote =
    held.length && heldReason ? (
      <p className="w-full text-xs text-slate-500" data-testid="status-held">
        {held.join(' and ')} {held.length > 1 ? 'are' : 'is'} not available: {heldReason.charAt(0).toLowerCase()}
        {heldReason.slice(1)}.
      </p>
    ) : null;
  if (!allowed.length)
    return (
      <div className="space-y-1">
        <p className="text-sm text-slate-500">No status changes are possible from here.</p>
        {heldNote}
      </div>
    );
  const change = submit(
    (v) => api('POST', `${base(ticketId)}/update-status/`, { ...v, expected_updated_at: version.expected }),
    `Status changed to ${status}`,
    () => {
      form.reset({ status: '' });
      version.written();
    },
  );
  const error = errorOf('status') ?? (version.isConflict(failure) ? undefined : formError);
  return (
    <form
      noValidate
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        if (status === 'Closed') {
          e.preventDefault();
          setConfirming(true);
        } else void change(e);
      }}
    >
      <div>
        <label htmlFor="new-status" className="mb-1 block text-xs font-medium">
          Change status
        </label>
        <NativeSelect id="new-status" aria-invalid={!!errorOf('status')} {...form.register('status')}>
          <option value="">Choose…</option>
          {allowed.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" variant="secondary" pending={pending} disabled={!status}>
        Update status
      </Button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {heldNote}
      {version.prompt(failure, 'change the status', reset)}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Close this ticket?"
        description="Closing ends the work on it. The requester can reopen it within 7 days."
        confirmLabel="Close ticket"
        onConfirm={async () => {
          await change();
        }}
      />
    </form>
  );
}

const commentForm = z.object({ comment: commentBody, is_internal: z.boolean() });

/**
 * A reply box of the ticket page: the requester's comment, or staff's reply / internal note. What is typed is
 * kept per user and ticket until sent (lib/client/drafts.ts), and the room hears "… is replying".
 */
export function CommentForm({
  ticketId,
  ticketNumber,
  userId,
  allowInternal,
}: {
  ticketId: number;
  ticketNumber: string;
  userId: number;
  allowInternal?: boolean;
}) {
  const { form, submit, errorOf, formError, pending } = useDomainForm(commentForm, {
    defaultValues: { comment: '', is_internal: !!allowInternal },
    draft: draftKey(userId, 'comment', ticketNumber),
  });
  const { typed, stopped } = useTypingSignal(ticketNumber);
  const internal = form.watch('is_internal') && !!allowInternal;
  const body = form.register('comment');
  const onSubmit = submit(
    (v) => api('POST', `${base(ticketId)}/comments/`, { comment: v.comment, is_internal: !!allowInternal && v.is_internal }),
    internal ? 'Internal note added' : 'Comment added',
    (sent) => {
      stopped();
      // clear only what was sent: text typed while the request ran stays
      if (form.getValues('comment') === sent.comment) form.reset({ comment: '', is_internal: form.getValues('is_internal') });
    },
  );
  const error = errorOf('comment') ?? formError;
  return (
    <form className="space-y-2" noValidate onSubmit={onSubmit}>
      <WritePreview value={form.watch('comment') ?? ''}>
        <FieldTextarea
          id="comment-body"
          label={allowInternal ? 'Add a note or reply' : 'Add a comment'}
          rows={3}
          error={error}
          {...body}
          onChange={(e) => {
            void body.onChange(e);
            typed(internal);
          }}
        />
      </WritePreview>
      <div className="flex items-center justify-between">
        {allowInternal ? (
          <span className="flex items-center gap-2 text-sm">
            <Checkbox id="comment-internal" {...form.register('is_internal')} />
            <label htmlFor="comment-internal">Internal note (hidden from the requester)</label>
          </span>
        ) : (
          <span />
        )}
        <span className="flex items-center gap-2">
          {allowInternal && (
            <ArticlePicker
              ticket={ticketId}
              onPick={(link) => form.setValue('comment', appendLink(form.getValues('comment'), link), { shouldDirty: true })}
            />
          )}
          <Button type="submit" size="sm" pending={pending}>
            {internal ? 'Add internal note' : 'Post comment'}
          </Button>
        </span>
      </div>
    </form>
  );
}
