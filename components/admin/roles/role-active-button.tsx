'use client';

import { Power } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { api } from '@/lib/client/api';
import { useMutation } from '@/lib/client/use-mutation';
import type { AdminWorkflowRole } from './types';

/** Deactivate (with confirmation) or reactivate a role; a role in use by a live workflow is refused with the reason. */
export function RoleActiveButton({ role }: { role: AdminWorkflowRole }) {
  const { pending, run } = useMutation();
  const set = (is_active: boolean) =>
    run(
      () => api('PATCH', `/tts/roles/${role.role_id}/`, { is_active }),
      `${role.name} ${is_active ? 'reactivated' : 'deactivated'}`,
    ).then(() => undefined);
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
