'use client';

import { Star } from 'lucide-react';
import { useState } from 'react';
import { ArticlePicker, appendLink } from '@/components/knowledge/article-picker';
import { Button } from '@/components/ui/button';
import { ConfirmDialog, Dialog, DialogContent, DialogFooter, DialogTrigger } from '@/components/ui/dialog';
import { describedBy, Field, FormError } from '@/components/ui/field';
import { Checkbox } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import { ApiError, api, fieldError } from '@/lib/client/api';
import { useMutation } from '@/lib/client/use-mutation';

const base = (id: number) => `/hdts/api/tickets/${id}`;
const message = (e: unknown) => (e instanceof ApiError ? e.message : 'Something went wrong');

/** The forms here show failures inline, so no error toast. */
const useAction = () => useMutation({ toastErrors: false });

/** A dialog asking for a required reason (withdraw, reject). */
export function ReasonDialog({
  ticketId,
  action,
  field,
  label,
  title,
  description,
  confirm,
  done,
  destructive,
}: {
  ticketId: number;
  action: string;
  field: string;
  label: string;
  title: string;
  description: string;
  confirm: string;
  done: string;
  destructive?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [local, setLocal] = useState<string>();
  const { pending, error, run } = useAction();
  const err = local ?? fieldError(error, field);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={destructive ? 'danger' : 'secondary'}>{confirm}</Button>
      </DialogTrigger>
      <DialogContent title={title} description={description}>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (!value.trim()) return setLocal('This field is required');
            setLocal(undefined);
            if (await run(() => api('POST', `${base(ticketId)}/${action}/`, { [field]: value }), done)) setOpen(false);
          }}
        >
          <FormError>{error && !fieldError(error, field) ? message(error) : undefined}</FormError>
          <Field id={`${action}-${field}`} label={label} error={err}>
            <Textarea
              id={`${action}-${field}`}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              aria-invalid={!!err}
              aria-describedby={describedBy(`${action}-${field}`, err)}
            />
          </Field>
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

export function CloseTicketButton({ ticketId }: { ticketId: number }) {
  // No inline place for an error here: it shows as a toast.
  const { run } = useMutation();
  return (
    <ConfirmDialog
      trigger={<Button>Close ticket</Button>}
      title="Close this ticket?"
      description="Confirm that the problem is solved. You can reopen it within 7 days, and rate the support you received."
      confirmLabel="Close ticket"
      onConfirm={async () => {
        await run(() => api('POST', `${base(ticketId)}/close/`, {}), 'Ticket closed');
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

/** Stars 1–5 (a radio group: arrow keys move, colour is not the only signal) and optional feedback. */
export function CsatDialog({ ticketId, defaultOpen }: { ticketId: number; defaultOpen?: boolean }) {
  const [open, setOpen] = useState(!!defaultOpen);
  const [rating, setRating] = useState(0);
  const [feedback, setFeedback] = useState('');
  const [local, setLocal] = useState<string>();
  const { pending, error, run } = useAction();
  const err = local ?? fieldError(error, 'rating');
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>Rate support</Button>
      </DialogTrigger>
      <DialogContent title="How did we do?" description="Rate the support you received on this ticket.">
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (!rating) return setLocal('Choose 1 to 5 stars');
            setLocal(undefined);
            if (
              await run(
                () => api('POST', `${base(ticketId)}/csat/`, { rating, feedback: feedback || null }),
                'Thank you for your feedback',
              )
            )
              setOpen(false);
          }}
        >
          <FormError>{error && !fieldError(error, 'rating') ? message(error) : undefined}</FormError>
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
                    onChange={() => setRating(n)}
                    aria-label={`${n} star${n > 1 ? 's' : ''}`}
                  />
                  <Star className={`h-7 w-7 ${n <= rating ? 'fill-amber-400 text-amber-500' : 'text-slate-400'}`} aria-hidden />
                </label>
              ))}
              <span className="ml-2 self-center text-sm text-slate-600">{rating ? `${rating} of 5` : 'Not rated'}</span>
            </div>
            {err && <p className="mt-1 text-xs font-medium text-red-700">{err}</p>}
          </fieldset>
          <Field id="csat-feedback" label="Feedback (optional)" className="mt-4">
            <Textarea id="csat-feedback" value={feedback} onChange={(e) => setFeedback(e.target.value)} />
          </Field>
          <DialogFooter>
            <Button variant="secondary" onClick={() => setOpen(false)}>
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
  departments,
  defaultDepartment,
}: {
  ticketId: number;
  departments: string[];
  defaultDepartment: string | null;
}) {
  const [open, setOpen] = useState(false);
  const [priority, setPriority] = useState('');
  const [department, setDepartment] = useState(defaultDepartment ?? '');
  const [notes, setNotes] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const { pending, error, run } = useAction();
  const err = (k: string) => local[k] ?? fieldError(error, k);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm">Approve</Button>
      </DialogTrigger>
      <DialogContent
        title="Approve ticket"
        description="Set the priority and department; the ticket goes to the workflow engine."
      >
        <form
          className="space-y-3"
          onSubmit={async (e) => {
            e.preventDefault();
            const l: Record<string, string> = {};
            if (!priority) l.priority = 'Choose a priority';
            if (!department) l.department = 'Choose a department';
            setLocal(l);
            if (Object.keys(l).length) return;
            if (
              await run(
                () => api('POST', `${base(ticketId)}/approve/`, { priority, department, approval_notes: notes || null }),
                'Ticket approved',
              )
            )
              setOpen(false);
          }}
        >
          <FormError>
            {error && !(error instanceof ApiError && Object.keys(error.fields).length) ? message(error) : undefined}
          </FormError>
          <Field id={`p-${ticketId}`} label="Priority" error={err('priority')}>
            <NativeSelect
              id={`p-${ticketId}`}
              value={priority}
              onChange={(e) => setPriority(e.target.value)}
              aria-invalid={!!err('priority')}
            >
              <option value="">Choose a priority</option>
              {['Low', 'Medium', 'High', 'Critical'].map((p) => (
                <option key={p}>{p}</option>
              ))}
            </NativeSelect>
          </Field>
          <Field id={`d-${ticketId}`} label="Department" error={err('department')}>
            <NativeSelect
              id={`d-${ticketId}`}
              value={department}
              onChange={(e) => setDepartment(e.target.value)}
              aria-invalid={!!err('department')}
            >
              <option value="">Choose a department</option>
              {departments.map((d) => (
                <option key={d}>{d}</option>
              ))}
            </NativeSelect>
          </Field>
          <Field id={`n-${ticketId}`} label="Approval notes (optional)">
            <Textarea id={`n-${ticketId}`} value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} />
          </Field>
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

/** Staff status change among the allowed transitions; closing asks for confirmation. */
export function StatusChanger({ ticketId, allowed }: { ticketId: number; allowed: string[] }) {
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { pending, error, run } = useAction();
  if (!allowed.length) return <p className="text-sm text-slate-500">No status changes are possible from here.</p>;
  const submit = () =>
    run(() => api('POST', `${base(ticketId)}/update-status/`, { status }), `Status changed to ${status}`).then(
      (ok) => ok && setStatus(''),
    );
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (!status) return;
        if (status === 'Closed') setConfirming(true);
        else void submit();
      }}
    >
      <div>
        <label htmlFor="new-status" className="mb-1 block text-xs font-medium">
          Change status
        </label>
        <NativeSelect id="new-status" value={status} onChange={(e) => setStatus(e.target.value)}>
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
          {message(error)}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Close this ticket?"
        description="Closing ends the work on it. The requester can reopen it within 7 days."
        confirmLabel="Close ticket"
        onConfirm={async () => {
          await submit();
        }}
      />
    </form>
  );
}

export function CommentForm({ ticketId, allowInternal }: { ticketId: number; allowInternal?: boolean }) {
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(!!allowInternal);
  const [local, setLocal] = useState<string>();
  const { pending, error, run } = useAction();
  const err = local ?? fieldError(error, 'body') ?? (error ? message(error) : undefined);
  return (
    <form
      className="space-y-2"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!body.trim()) return setLocal('Write a comment first');
        setLocal(undefined);
        const sent = body;
        // clear only what was sent: text typed while the request ran stays
        if (
          await run(
            () => api('POST', `${base(ticketId)}/comments/`, { comment: sent, is_internal: internal }),
            internal ? 'Internal note added' : 'Comment added',
          )
        )
          setBody((now) => (now === sent ? '' : now));
      }}
    >
      <Field id="comment-body" label={allowInternal ? 'Add a note or reply' : 'Add a comment'} error={err}>
        <Textarea
          id="comment-body"
          rows={3}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={!!err}
          aria-describedby={describedBy('comment-body', err)}
        />
      </Field>
      <div className="flex items-center justify-between">
        {allowInternal ? (
          <span className="flex items-center gap-2 text-sm">
            <Checkbox id="comment-internal" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
            <label htmlFor="comment-internal">Internal note (hidden from the requester)</label>
          </span>
        ) : (
          <span />
        )}
        <span className="flex items-center gap-2">
          {allowInternal && <ArticlePicker ticket={ticketId} onPick={(link) => setBody((b) => appendLink(b, link))} />}
          <Button type="submit" size="sm" pending={pending}>
            {internal && allowInternal ? 'Add internal note' : 'Post comment'}
          </Button>
        </span>
      </div>
    </form>
  );
}
