'use client';

import { ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/field';
import { Checkbox } from '@/components/ui/input';
import { ApiError, api } from '@/lib/client/api';
import { useMutation } from '@/lib/client/use-mutation';
import type { AdminUser, RoleOption } from './types';

const SYSTEMS = [
  { id: 'hdts', label: 'Help desk (HDTS)' },
  { id: 'tts', label: 'Workflow engine (TTS)' },
] as const;

/** Per-system role checkboxes; saving replaces the user's roles in the systems that changed. */
export function RolesDialog({ user, roles }: { user: AdminUser; roles: RoleOption[] }) {
  const [open, setOpen] = useState(false);
  const { pending, error, setError, run } = useMutation();
  const initial = () => new Set(user.roles.map((r) => r.role_id));
  const [selected, setSelected] = useState<Set<number>>(initial);

  function toggle(id: number, on: boolean) {
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const before = initial();
    const changed = SYSTEMS.filter(({ id }) =>
      roles.some((r) => r.system.toLowerCase() === id && before.has(r.id) !== selected.has(r.id)),
    );
    if (changed.length === 0) {
      setOpen(false);
      return;
    }
    const ok = await run(async () => {
      for (const { id } of changed) {
        const roleIds = roles.filter((r) => r.system.toLowerCase() === id && selected.has(r.id)).map((r) => r.id);
        await api('PUT', `/auth/api/v1/users/${user.id}/roles/?system=${id}`, { role_ids: roleIds });
      }
    }, `Roles of ${user.username} saved`);
    if (ok) setOpen(false);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) setSelected(initial());
        else setError(null);
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
            const options = roles.filter((r) => r.system.toLowerCase() === system.id);
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
                          <Checkbox
                            id={id}
                            checked={selected.has(r.id)}
                            onChange={(e) => toggle(r.id, e.target.checked)}
                            className="mt-0.5"
                          />
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
          <FormError>{error instanceof ApiError ? (error.fields.role_ids?.[0] ?? error.message) : undefined}</FormError>
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
