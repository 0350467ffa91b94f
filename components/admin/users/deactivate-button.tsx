'use client';

import { UserX } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { api } from '@/lib/client/api';
import { useMutation } from '@/lib/client/use-mutation';
import type { AdminUser } from './types';

export function DeactivateButton({ user, disabled }: { user: AdminUser; disabled?: boolean }) {
  const { pending, run } = useMutation();
  return (
    <ConfirmDialog
      trigger={
        <Button
          variant="ghost"
          size="sm"
          className="text-red-700 dark:text-red-400"
          pending={pending}
          disabled={disabled}
          aria-label={`Deactivate ${user.username}`}
        >
          <UserX className="h-3.5 w-3.5" aria-hidden /> Deactivate
        </Button>
      }
      title={`Deactivate ${user.username}?`}
      description={
        <>
          <strong>{user.email}</strong> will no longer be able to sign in and all of their sessions end now. Their tickets and
          history stay. You can reactivate the account later with Edit.
        </>
      }
      confirmLabel="Deactivate"
      destructive
      onConfirm={() =>
        run(() => api('DELETE', `/auth/api/v1/users/${user.id}/`), `${user.username} deactivated`).then(() => undefined)
      }
    />
  );
}
