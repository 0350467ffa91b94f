'use client';

import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { Loader2, RotateCcw, Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import { api } from '@/lib/client/api';
import { useMutation } from '@/lib/client/use-mutation';

const button =
  'inline-flex items-center gap-1.5 rounded-md border px-2.5 py-1 text-xs font-medium disabled:opacity-50 border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800';

export function DeadLetterActions({ id, queue }: { id: string; queue: string }) {
  const { pending, run } = useMutation();
  return (
    <div className="flex gap-2">
      <button
        type="button"
        className={button}
        disabled={pending}
        onClick={() => run(() => api('POST', `/ops/api/queues/dead-letters/${id}/replay/`), `Replayed to ${queue}`)}
      >
        {pending ? (
          <Loader2 className="h-3.5 w-3.5 animate-spin" aria-hidden />
        ) : (
          <RotateCcw className="h-3.5 w-3.5" aria-hidden />
        )}
        Replay
      </button>
      <AlertDialog.Root>
        <AlertDialog.Trigger className={`${button} text-red-700 dark:text-red-300`} disabled={pending}>
          <Trash2 className="h-3.5 w-3.5" aria-hidden /> Discard
        </AlertDialog.Trigger>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
          <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[92vw] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-5 shadow-xl dark:bg-slate-900">
            <AlertDialog.Title className="text-base font-semibold">Discard this message?</AlertDialog.Title>
            <AlertDialog.Description className="mt-2 text-sm text-slate-600 dark:text-slate-400">
              The message for <strong>{queue}</strong> will never be delivered. Its payload stays in the audit log.
            </AlertDialog.Description>
            <div className="mt-5 flex justify-end gap-2">
              <AlertDialog.Cancel className={button}>Cancel</AlertDialog.Cancel>
              <AlertDialog.Action
                className="rounded-md bg-red-600 px-3 py-1.5 text-xs font-medium text-white hover:bg-red-700"
                onClick={() => run(() => api('DELETE', `/ops/api/queues/dead-letters/${id}/`), 'Message discarded')}
              >
                Discard
              </AlertDialog.Action>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </div>
  );
}

export function ReplayAllButton({ count }: { count: number }) {
  const { pending, run } = useMutation();
  return (
    <button
      type="button"
      className={button}
      disabled={pending || count === 0}
      onClick={() =>
        run(async () => {
          const r = await api<{ replayed: number }>('POST', '/ops/api/queues/dead-letters/replay-all/', {});
          toast.message(`${r.replayed} message${r.replayed === 1 ? '' : 's'} sent again`);
        }, 'Replay started')
      }
    >
      {pending ? <Loader2 className="h-3.5 w-3.5 animate-spin" aria-hidden /> : <RotateCcw className="h-3.5 w-3.5" aria-hidden />}
      Replay all ({count})
    </button>
  );
}
