'use client';

import { Button } from '@/components/ui/button';

export default function AuditError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950">
      <h1 className="text-lg font-semibold text-red-800 dark:text-red-200">The audit log could not be loaded</h1>
      <p className="mt-1 text-sm text-red-700 dark:text-red-300">
        Something went wrong on our side. Try again; if it keeps failing, quote reference {error.digest ?? 'n/a'}.
      </p>
      <Button className="mt-4" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
