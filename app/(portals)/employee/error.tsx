'use client';

import { ListError } from '@/components/helpdesk/states';

export default function ErrorState({ reset }: { error: Error; reset: () => void }) {
  return <ListError reset={reset} />;
}
