'use client';

import { useState } from 'react';
import { ChangedSincePrompt, isStaleWrite } from '@/components/ui/changed-since-prompt';

/**
 * The version of a ticket (`updated_at`) this person saw, sent with their write as `expected_updated_at`: when
 * someone changed the ticket since, the domain answers 409 CONFLICT and the person is asked (reload, or go ahead
 * anyway) instead of overwriting a change they have not seen. Live refreshes of the page do not move the seen
 * version: the person may not have noticed them.
 */
export function useSeenVersion(updatedAt: string) {
  const [seen] = useState(updatedAt);
  const [overwrite, setOverwrite] = useState(false);
  return {
    /** What to send as `expected_updated_at` (null once the person chose to go ahead anyway). */
    expected: overwrite ? null : seen,
    /** After a successful write: the next one is checked again. */
    written: () => setOverwrite(false),
    /** Whether `failure` is the stale-write refusal (so the form shows the prompt instead of an error line). */
    isConflict: isStaleWrite,
    /** The prompt for a stale-write refusal, or nothing; `reset` clears the form's failure. */
    prompt: (failure: unknown, what: string, reset: () => void) =>
      isStaleWrite(failure) ? (
        <ChangedSincePrompt
          what={what}
          onOverwrite={() => {
            reset();
            setOverwrite(true);
          }}
        />
      ) : null,
  };
}
