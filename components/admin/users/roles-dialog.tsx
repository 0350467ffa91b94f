'use client';

import { ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/field';
import { Checkbox } from '@/components/ui/input';
import { api } from '@/lib/client/api';
import { useDomainForm } from '@/lib/client/use-domain-form';
import { userRoleSetInput } from '@/lib/domain/identity/schemas';
import type { AdminUser, RoleOption } from './types';

const SYSTEMS = [
  { id: 'hdts', label: 'Help desk (HDTS)' },
  { id: 'tts', label: 'Workflow engine (TTS)' },
] as const;

/** Checkbox values are strings; the API takes the ids as numbers. */
const rolesForm = z.object({
  role_ids: z
    .array(z.string())
    .transform((ids) => ids.map(Number))
    .pipe(userRoleSetInput.shape.role_ids),
});

/** Per-system role checkboxes; saving replaces the user's roles in the systems that changed. */
export function RolesDialog({ user, roles }: { user: AdminUser; roles: RoleOption[] }) {
  const [open, setOpen] = useState(false);
  const initial = () => user.roles.map((r) => String(r.role_id));
  const { form, submit, errorOf, formError, pending, reset } = useDomainForm(rolesForm, {
    defaultValues: { role_ids: initial() },
    toastErrors: true,
  });
  const inSystem = (system: string) => roles.filter((r) => r.system.toLowerCase() === system);

  const onSubmit = submit(
    async ({ role_ids }) => {
      const before = new Set(user.roles.map((r) => r.role_id));
      const selected = new Set(role_ids);
      const changed = SYSTEMS.filter(({ id }) => inSystem(id).some((r) => before.has(r.id) !== selected.has(r.id)));
      for (const { id } of changed) {
        const ids = inSystem(id)
          .filter((r) => selected.has(r.id))
          .map((r) => r.id);
        await api('PUT', `/auth/api/v1/users/${user.id}/roles/?system=${id}`, { role_ids: ids });
      }
    },
    `Roles of ${user.username} saved`,
    () => setOpen(false),
  );

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) form.reset({ role_ids: initial() });
        else reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={`Roles of ${user.username}`}>
          <ShieldCheck className="h-3.5 w-3.5" aria-hidden /> Roles
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Roles of ${user.username}`}
        description="Roles decide which portals the user sees and what they may do in each system."
      >
        <form onSubmit={onSubmit} className="space-y-4">
          {SYSTEMS.map((system) => {
            const options = inSystem(system.id);
            return (
              <fieldset key={system.id} className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
                <legend className="px-1 text-sm font-semibold">{system.label}</legend>
                {options.length === 0 ? (
                  <p className="text-sm text-slate-500">No roles defined.</p>
                ) : (
                  <ul className="grid gap-2 sm:grid-cols-2">
                    {options.map((r) => {
                      const id = `role-${user.id}-${r.id}`;
                      return (
                        <li key={r.id} className="flex items-start gap-2">
                          <Checkbox id={id} value={String(r.id)} className="mt-0.5" {...form.register('role_ids')} />
                          <label htmlFor={id} className="text-sm">
                            {r.name}
                            {r.description && (
                              <span className="block text-xs text-slate-500 dark:text-slate-400">{r.description}</span>
                            )}
                          </label>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </fieldset>
            );
          })}
          <FormError>{errorOf('role_ids') ?? formError}</FormError>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" pending={pending}>
              Save roles
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
