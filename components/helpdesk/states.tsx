'use client';

import { Button } from '@/components/ui/button';

/** Loading skeleton for help-desk lists and pages. */
export function ListLoading({ label = 'Loading tickets…' }: { label?: string }) {
  return (
    <div role="status" aria-live="polite" className="space-y-2">
      <span className="sr-only">{label}</span>
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="h-10 animate-pulse rounded-md bg-slate-200 dark:bg-slate-800" />
      ))}
    </div>
  );
}

/** Error state with a retry (Next error boundary). */
export function ListError({ reset }: { reset: () => void }) {
  return (
    <div
      role="alert"
      className="rounded-xl border border-red-200 bg-red-50 p-6 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300"
    >
      <p className="font-semibold">Could not load this page.</p>
      <p className="mt-1">Something went wrong on our side. Try again in a moment; if it keeps happening, tell your IT team.</p>
      <Button className="mt-3" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
