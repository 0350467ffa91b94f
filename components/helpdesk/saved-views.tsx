'use client';

import { X } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/field';
import { FieldInput } from '@/components/ui/form-controls';
import { Checkbox } from '@/components/ui/input';
import { ApiError, api } from '@/lib/client/api';
import { useMutation } from '@/lib/client/use-mutation';
import type { SavedView } from '@/lib/domain/helpdesk/views';

/**
 * The saved views of a list (the caller's and the shared ones) as links, and "Save view": the list's current URL
 * (filters and sort) under a name. Admins may share a view with all staff.
 */
export function SavedViews({ views, canShare }: { views: SavedView[]; canShare: boolean }) {
  const router = useRouter();
  const { run } = useMutation();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  return (
    <nav aria-label="Saved views" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600 dark:text-slate-400">Views:</span>
      {views.length === 0 && <span className="text-slate-500">none saved yet</span>}
      <ul className="flex flex-wrap gap-2">
        {views.map((v) => (
          <li
            key={v.id}
            className="inline-flex items-center gap-1 rounded-full border border-slate-300 px-2.5 py-0.5 dark:border-slate-700"
          >
            <Link href={v.url} className="text-brand-700 hover:underline dark:text-brand-100">
              {v.name}
            </Link>
            {v.shared && <span className="text-xs text-slate-500">(shared)</span>}
            {(v.mine || canShare) && (
              <button
                type="button"
                aria-label={`Delete view ${v.name}`}
                className="rounded text-slate-500 hover:text-red-600 focus-visible:outline-2 focus-visible:outline-brand-500"
                onClick={() => run(() => api('DELETE', `/hdts/api/views/${v.id}/`), `View “${v.name}” deleted`)}
              >
                <X className="h-3.5 w-3.5" aria-hidden="true" />
              </button>
            )}
          </li>
        ))}
      </ul>
      <Dialog
        open={open}
        onOpenChange={(o) => {
          setOpen(o);
          setError(null);
          setFieldError(undefined);
        }}
      >
        <DialogTrigger asChild>
          <Button variant="secondary" size="sm">
            Save view
          </Button>
        </DialogTrigger>
        <DialogContent title="Save this view" description="The current filters and sort, under a name, in your views.">
          <form
            noValidate
            className="space-y-3"
            onSubmit={async (e) => {
              e.preventDefault();
              const f = new FormData(e.currentTarget);
              setPending(true);
              setError(null);
              setFieldError(undefined);
              try {
                await api('POST', '/hdts/api/views/', {
                  name: String(f.get('name') ?? ''),
                  url: `${window.location.pathname}${window.location.search}`,
                  shared: f.get('shared') === 'on',
                });
                setOpen(false);
                router.refresh();
              } catch (err) {
                if (err instanceof ApiError) {
                  setFieldError(err.fields.name?.[0]);
                  setError(err.fields.name ? null : err.message);
                } else setError('Something went wrong. Please try again.');
              } finally {
                setPending(false);
              }
            }}
          >
            <FormError>{error}</FormError>
            <FieldInput id="view-name" name="name" label="Name" maxLength={80} error={fieldError} />
            {canShare && (
              <div className="flex items-center gap-2 text-sm">
                <Checkbox id="view-shared" name="shared" />
                <label htmlFor="view-shared">Share with all staff</label>
              </div>
            )}
            <DialogFooter>
              <Button variant="secondary" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" pending={pending}>
                Save view
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </nav>
  );
}
