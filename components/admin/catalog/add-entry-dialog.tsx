'use client';

import { Plus } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/field';
import { FieldInput } from '@/components/ui/form-controls';
import { api } from '@/lib/client/api';
import { useDomainForm } from '@/lib/client/use-domain-form';
import { type CatalogEntryInput, catalogNameInput } from '@/lib/domain/helpdesk/schemas';

type Parent =
  | { kind: 'department' }
  | { kind: 'category'; department: { id: number; name: string } | null }
  | { kind: 'sub_category'; category: { id: number; name: string } };

const TEXT = {
  department: { button: 'New department', title: 'New department', done: 'Department added' },
  category: { button: 'Add category', title: 'New category', done: 'Category added' },
  sub_category: { button: 'Add sub-category', title: 'New sub-category', done: 'Sub-category added' },
} as const;

/** Adds one entry at a fixed place of the catalog: the admin types only its name. */
export function AddEntryDialog({ place }: { place: Parent }) {
  const [open, setOpen] = useState(false);
  const { form, submit, errorOf, formError, pending, reset } = useDomainForm(catalogNameInput, { defaultValues: { name: '' } });
  const text = TEXT[place.kind];
  const where =
    place.kind === 'department'
      ? 'Employees choose a department, then one of its categories, when they submit a ticket.'
      : place.kind === 'category'
        ? place.department
          ? `Offered under ${place.department.name}.`
          : 'Offered without a department.'
        : `Offered under ${place.category.name}.`;
  const body = (name: string): CatalogEntryInput =>
    place.kind === 'department'
      ? { kind: 'department', name }
      : place.kind === 'category'
        ? { kind: 'category', name, department_id: place.department?.id ?? null }
        : { kind: 'sub_category', name, category_id: place.category.id };
  const onSubmit = submit(
    (values) => api('POST', '/hdts/api/catalog/entries/', body(values.name)),
    text.done,
    () => setOpen(false),
  );
  const label =
    place.kind === 'category'
      ? `${text.button} to ${place.department?.name ?? 'No department'}`
      : place.kind === 'sub_category'
        ? `${text.button} to ${place.category.name}`
        : text.button;

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) {
          reset();
          form.reset({ name: '' });
        }
      }}
    >
      <DialogTrigger asChild>
        <Button
          variant={place.kind === 'department' ? 'primary' : 'secondary'}
          size={place.kind === 'department' ? 'md' : 'sm'}
          aria-label={label}
        >
          <Plus className="h-3.5 w-3.5" aria-hidden /> {text.button}
        </Button>
      </DialogTrigger>
      <DialogContent title={text.title} description={where}>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <FormError>{formError}</FormError>
          <FieldInput
            id={`catalog-${place.kind}-name`}
            label="Name"
            required
            maxLength={64}
            error={errorOf('name')}
            {...form.register('name')}
          />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" pending={pending}>
              Add
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
