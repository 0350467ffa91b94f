'use client';

import { PageError } from '@/components/workflow/states';

export default function ErrorState({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError label="the catalog" digest={error.digest} reset={reset} />;
}
