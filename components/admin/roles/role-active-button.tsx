'use client';

import { Power } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { ApiError, api } from '@/lib/client/api';
import { useMutation } from '@/lib/client/use-mutation';
import type { AdminWorkflowRole } from './types';

/** Deactivate (with confirmation) or reactivate a role; a role in use by a live workflow is refused with the reason. */
export function RoleActiveButton({ role }: { role: AdminWorkflowRole }) {
  // The refusal's message names the steps that use the role: show it whole (its details are not form fields).
  const { pending, run } = useMutation({ toastErrors: false });
  const set = async (is_active: boolean) => {
    await run(
      async () => {
        try {
          await api('PATCH', `/tts/roles/${role.role_id}/`, { is_active });
        } catch (e) {
          toast.error(e instanceof ApiError ? e.message : 'Something went wrong. Please try again.');
          throw e;
        }
      },
      `${role.name} ${is_active ? 'reactivated' : 'deactivated'}`,
    );
  };
  if (!role.is_active)
    return (
      <Button variant="secondary" size="sm" pending={pending} onClick={() => set(true)} aria-label={`Reactivate ${role.name}`}>
        <Power className="h-3.5 w-3.5" aria-hidden /> Reactivate
      </Button>
    );
  return (
    <ConfirmDialog
      trigger={
        <Button
          variant="ghost"
          size="sm"
          className="text-red-700 dark:text-red-400"
          pending={pending}
          aria-label={`Deactivate ${role.name}`}
        >
          <Power className="h-3.5 w-3.5" aria-hidden /> Deactivate
        </Button>
      }
      title={`Deactivate ${role.name}?`}
      description="No workflow step can use the role and nobody can be added to it. Its members keep their other roles. You can reactivate it later."
      confirmLabel="Deactivate"
      destructive
      onConfirm={() => set(false)}
    />
  );
}
