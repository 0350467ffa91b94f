'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { ApiError } from '@/lib/client/api';

/**
 * Runs a write through the API, then refreshes the server components; keeps the error for field messages.
 * `toastErrors: false` for forms that show every failure inline. Pass a `key` to `run` when one hook serves
 * several actions: `pendingKey` tells which one is in flight (`pending` is true for any).
 */
export function useMutation({ toastErrors = true }: { toastErrors?: boolean } = {}) {
  const router = useRouter();
  const [pendingKey, setPendingKey] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function run(fn: () => Promise<unknown>, success: string, key = 'default'): Promise<boolean> {
    setPendingKey(key);
    setError(null);
    try {
      await fn();
      toast.success(success);
      router.refresh();
      return true;
    } catch (e) {
      setError(e);
      if (toastErrors) {
        const hasFields = e instanceof ApiError && Object.keys(e.fields).length > 0;
        toast.error(
          e instanceof ApiError
            ? hasFields
              ? 'Please correct the highlighted fields'
              : e.message
            : 'Something went wrong. Please try again.',
        );
      }
      return false;
    } finally {
      setPendingKey(null);
    }
  }
  return { pending: pendingKey !== null, pendingKey, error, setError, run };
}
