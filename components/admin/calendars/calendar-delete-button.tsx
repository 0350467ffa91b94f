'use client';

import { Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { ApiError, api } from '@/lib/client/api';
import { useMutation } from '@/lib/client/use-mutation';

/** Delete a calendar (with confirmation); one in use is refused with the reason, shown whole. */
export function CalendarDeleteButton({ calendar }: { calendar: { calendar_id: number; name: string } }) {
  const { pending, run } = useMutation({ toastErrors: false });
  const remove = async () => {
    await run(async () => {
      try {
        await api('DELETE', `/tts/calendars/${calendar.calendar_id}/`);
      } catch (e) {
        toast.error(e instanceof ApiError ? e.message : 'Something went wrong. Please try again.');
        throw e;
      }
    }, `${calendar.name} deleted`);
  };
  return (
    <ConfirmDialog
      trigger={
        <Button
          variant="ghost"
          size="sm"
          className="text-red-700 dark:text-red-400"
          pending={pending}
          aria-label={`Delete ${calendar.name}`}
        >
          <Trash2 className="h-3.5 w-3.5" aria-hidden /> Delete
        </Button>
      }
      title={`Delete ${calendar.name}?`}
      description="Workflows can no longer count their times in it. A calendar a workflow uses cannot be deleted."
      confirmLabel="Delete"
      destructive
      onConfirm={remove}
    />
  );
}
