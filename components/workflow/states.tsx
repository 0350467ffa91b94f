'use client';

import { Button } from '@/components/ui/button';

/** Placeholder rows while a workflow page loads. */
export function PageLoading({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <span className="sr-only">Loading {label}…</span>
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="h-12 w-full animate-pulse rounded-lg bg-slate-100 dark:bg-slate-900" />
      ))}
    </div>
  );
}

/** A page that failed to load, with a retry. */
/** A page that failed to load; `digest` (Next's error reference) lets the user quote what the logs hold. */
export function PageError({ label, reset, digest }: { label: string; reset: () => void; digest?: string }) {
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-6 text-sm dark:border-red-900 dark:bg-red-950">
      <p className="font-medium text-red-800 dark:text-red-300">Could not load {label}.</p>
      <p className="mt-1 text-red-700 dark:text-red-400">
        Something went wrong on our side. Try again in a moment; if it keeps happening, tell your IT team
        {digest ? ` and quote reference ${digest}` : ''}.
      </p>
      <Button className="mt-3" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
