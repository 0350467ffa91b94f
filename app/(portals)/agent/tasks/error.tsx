'use client';

import { PageError } from '@/components/workflow/states';

export default function ErrorState({ reset }: { error: Error; reset: () => void }) {
  return <PageError label="your tasks" reset={reset} />;
}
