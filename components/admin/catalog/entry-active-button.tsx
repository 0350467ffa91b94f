'use client';

import { Archive, ArchiveRestore } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { api } from '@/lib/client/api';
import { useMutation } from '@/lib/client/use-mutation';
import type { CatalogKind } from '@/lib/domain/helpdesk/schemas';

const WHAT: Record<CatalogKind, string> = {
  department: 'department',
  category: 'category',
  sub_category: 'sub-category',
};

/** Retire an entry (with confirmation: new tickets can no longer choose it) or offer it again. */
export function EntryActiveButton({ kind, id, name, active }: { kind: CatalogKind; id: number; name: string; active: boolean }) {
  const { pending, run } = useMutation();
  const set = (value: boolean) =>
    run(
      () => api('PATCH', `/hdts/api/catalog/entries/${kind}/${id}/`, { active: value }),
      value ? `${name} is offered again` : `${name} retired`,
    );
  if (!active)
    return (
      <Button variant="secondary" size="sm" pending={pending} onClick={() => set(true)} aria-label={`Offer ${name} again`}>
        <ArchiveRestore className="h-3.5 w-3.5" aria-hidden /> Offer again
      </Button>
    );
  const consequence =
    kind === 'department'
      ? 'New tickets can no longer choose it, nor any of its categories.'
      : kind === 'category'
        ? 'New tickets and articles can no longer choose it, nor its sub-categories.'
        : 'New tickets can no longer choose it.';
  return (
    <ConfirmDialog
      trigger={
        <Button
          variant="ghost"
          size="sm"
          className="text-red-700 dark:text-red-400"
          pending={pending}
          aria-label={`Retire ${name}`}
        >
          <Archive className="h-3.5 w-3.5" aria-hidden /> Retire
        </Button>
      }
      title={`Retire the ${WHAT[kind]} ${name}?`}
      description={`${consequence} Tickets and articles filed under it keep it. You can offer it again later.`}
      confirmLabel="Retire"
      destructive
      onConfirm={async () => {
        await set(false);
      }}
    />
  );
}
