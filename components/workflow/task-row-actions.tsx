'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { TakeOverForm, TransferForm } from './task-actions';

/** Transfer and take-over of one open assignment, each in its own dialog, from a row of the task list. */
export function TaskRowActions({
  taskItemId,
  ticketNumber,
  assignee,
  targets,
  selfId,
  isMine,
}: {
  taskItemId: number;
  ticketNumber: string;
  assignee: string | null;
  targets: { id: number; name: string }[];
  selfId: number;
  /** The caller already holds it: nothing to take over. */
  isMine: boolean;
}) {
  const [open, setOpen] = useState<'transfer' | 'takeover' | null>(null);
  return (
    <div className="flex justify-end gap-1.5">
      <Dialog open={open === 'transfer'} onOpenChange={(o) => setOpen(o ? 'transfer' : null)}>
        <DialogTrigger asChild>
          <Button variant="secondary" size="sm" aria-label={`Transfer ${ticketNumber}`}>
            Transfer
          </Button>
        </DialogTrigger>
        <DialogContent
          title={`Transfer ${ticketNumber}`}
          description={assignee ? `Currently with ${assignee}. The new assignee keeps the same deadline.` : undefined}
        >
          {targets.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Nobody else holds this step&apos;s role. Add someone to the role first.
            </p>
          ) : (
            <TransferForm taskItemId={taskItemId} targets={targets} onDone={() => setOpen(null)} className="space-y-3" />
          )}
        </DialogContent>
      </Dialog>
      {!isMine && (
        <Dialog open={open === 'takeover'} onOpenChange={(o) => setOpen(o ? 'takeover' : null)}>
          <DialogTrigger asChild>
            <Button variant="ghost" size="sm" aria-label={`Take over ${ticketNumber}`}>
              Take over
            </Button>
          </DialogTrigger>
          <DialogContent
            title={`Take over ${ticketNumber}`}
            description={assignee ? `${assignee} is released from it; you get it with the same deadline.` : undefined}
          >
            <TakeOverForm taskItemId={taskItemId} selfId={selfId} onDone={() => setOpen(null)} />
          </DialogContent>
        </Dialog>
      )}
    </div>
  );
}
