'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { ApiError } from '@/lib/client/api';

/** Runs a write through the API, then refreshes the server components; keeps the error for field messages. */
export function useMutation() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function run(fn: () => Promise<unknown>, success: string): Promise<boolean> {
    setPending(true);
    setError(null);
    try {
      await fn();
      toast.success(success);
      router.refresh();
      return true;
    } catch (e) {
      setError(e);
      const hasFields = e instanceof ApiError && Object.keys(e.fields).length > 0;
      toast.error(e instanceof ApiError ? (hasFields ? 'Please correct the highlighted fields' : e.message) : 'Something went wrong. Please try again.');
      return false;
    } finally {
      setPending(false);
    }
  }
  return { pending, error, setError, run };
}
