'use client';

import { ApiError } from '@/lib/client/api';
import { Button } from './button';

/** The domain's answer to a write based on a stale read (409 CONFLICT, collision detection). */
export const isStaleWrite = (e: unknown) => e instanceof ApiError && e.status === 409 && e.code === 'CONFLICT';

/**
 * Someone changed the ticket after this page showed it: ask instead of overwriting. Reload shows the change
 * (typed drafts survive it); `onOverwrite`, when offered, lets the person apply theirs anyway.
 */
export function ChangedSincePrompt({ what, onOverwrite }: { what: string; onOverwrite?: () => void }) {
  return (
    <div
      role="alert"
      data-testid="conflict"
      className="w-full rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
    >
      <p className="font-medium">This ticket changed since you opened it.</p>
      <p className="mt-1">
        Reload to see what changed before you {what}
        {onOverwrite ? ', or go ahead anyway.' : '.'}
      </p>
      <div className="mt-2 flex gap-2">
        <Button size="sm" onClick={() => window.location.reload()}>
          Reload
        </Button>
        {onOverwrite && (
          <Button size="sm" variant="secondary" onClick={onOverwrite}>
            Go ahead anyway
          </Button>
        )}
      </div>
    </div>
  );
}
