'use client';

import { Pencil, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/field';
import { FieldInput, FieldSelect, FieldTextarea } from '@/components/ui/form-controls';
import { api } from '@/lib/client/api';
import { useDomainForm } from '@/lib/client/use-domain-form';
import { calendarInput, WEEKDAYS } from '@/lib/domain/sla/calendar-schemas';
import type { CalendarDto } from '@/lib/domain/workflow/calendars';

const OFFICE_HOURS = [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' }));

function zones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** New calendar (no `calendar`) or edit one; the browser checks with the API's own schema. */
export function CalendarFormDialog({ calendar }: { calendar?: CalendarDto }) {
  const [open, setOpen] = useState(false);
  const defaults = {
    name: calendar?.name ?? '',
    description: calendar?.description ?? '',
    time_zone: calendar?.time_zone ?? 'UTC',
    hours: calendar?.hours ?? OFFICE_HOURS,
    holidays: calendar?.holidays ?? [],
    for_helpdesk: calendar?.for_helpdesk ?? false,
  };
  const { form, submit, errorOf, formError, pending, reset } = useDomainForm(calendarInput, { defaultValues: defaults });
  const hours = useFieldArray({ control: form.control, name: 'hours' });
  const holidays = useFieldArray({ control: form.control, name: 'holidays' });
  const nested = (name: `hours.${number}.${'day' | 'start' | 'end'}` | `holidays.${number}.${'date' | 'name'}`) =>
    form.getFieldState(name, form.formState).error?.message;
  const prefix = calendar ? `calendar-${calendar.calendar_id}` : 'new-calendar';
  const onSubmit = submit(
    (values) =>
      calendar ? api('PUT', `/tts/calendars/${calendar.calendar_id}/`, values) : api('POST', '/tts/calendars/', values),
    calendar ? 'Calendar saved' : 'Calendar created',
    () => setOpen(false),
  );
  const hoursError = (form.formState.errors.hours as { message?: string } | undefined)?.message;

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) {
          reset();
          form.reset(defaults);
        }
      }}
    >
      <DialogTrigger asChild>
        {calendar ? (
          <Button variant="secondary" size="sm" aria-label={`Edit ${calendar.name}`}>
            <Pencil className="h-3.5 w-3.5" aria-hidden /> Edit
          </Button>
        ) : (
          <Button>
            <Plus className="h-4 w-4" aria-hidden /> New calendar
          </Button>
        )}
      </DialogTrigger>
      <DialogContent
        className="max-w-2xl"
        title={calendar ? `Edit ${calendar.name}` : 'New calendar'}
        description="Response and resolution times count only during these working hours, in this time zone, and not on holidays."
      >
        <form onSubmit={onSubmit} noValidate className="max-h-[70vh] space-y-4 overflow-y-auto pr-1">
          <FormError>{formError}</FormError>
          <div className="grid gap-4 sm:grid-cols-2">
            <FieldInput
              id={`${prefix}-name`}
              label="Name"
              required
              maxLength={100}
              error={errorOf('name')}
              {...form.register('name')}
            />
            <FieldInput
              id={`${prefix}-zone`}
              label="Time zone"
              required
              list={`${prefix}-zones`}
              hint="For example Europe/Berlin or America/New_York"
              error={errorOf('time_zone')}
              {...form.register('time_zone')}
            />
            <datalist id={`${prefix}-zones`}>
              {zones().map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </div>
          <FieldTextarea
            id={`${prefix}-description`}
            label="Description"
            rows={2}
            maxLength={500}
            error={errorOf('description')}
            {...form.register('description')}
          />
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Working hours</legend>
            {hoursError && (
              <p role="alert" className="text-sm text-red-700 dark:text-red-400">
                {hoursError}
              </p>
            )}
            {hours.fields.map((f, i) => (
              <div key={f.id} className="grid grid-cols-[1fr_7rem_7rem_auto] items-end gap-2" data-testid="calendar-hours-row">
                <FieldSelect
                  id={`${prefix}-h${i}-day`}
                  label="Day"
                  error={nested(`hours.${i}.day`)}
                  {...form.register(`hours.${i}.day`)}
                >
                  {WEEKDAYS.map((d, n) => (
                    <option key={d} value={n + 1}>
                      {d}
                    </option>
                  ))}
                </FieldSelect>
                <FieldInput
                  id={`${prefix}-h${i}-start`}
                  label="From"
                  placeholder="09:00"
                  error={nested(`hours.${i}.start`)}
                  {...form.register(`hours.${i}.start`)}
                />
                <FieldInput
                  id={`${prefix}-h${i}-end`}
                  label="Until"
                  placeholder="17:00"
                  error={nested(`hours.${i}.end`)}
                  {...form.register(`hours.${i}.end`)}
                />
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  aria-label={`Remove working hours row ${i + 1}`}
                  onClick={() => hours.remove(i)}
                >
                  <Trash2 className="h-3.5 w-3.5" aria-hidden />
                </Button>
              </div>
            ))}
            <Button
              type="button"
              variant="secondary"
              size="sm"
              onClick={() => hours.append({ day: 1, start: '09:00', end: '17:00' })}
            >
              <Plus className="h-3.5 w-3.5" aria-hidden /> Add working hours
            </Button>
          </fieldset>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Holidays</legend>
            {holidays.fields.length === 0 && <p className="text-sm text-slate-500 dark:text-slate-400">No holidays.</p>}
            {holidays.fields.map((f, i) => (
              <div key={f.id} className="grid grid-cols-[10rem_1fr_auto] items-end gap-2" data-testid="calendar-holiday-row">
                <FieldInput
                  id={`${prefix}-d${i}-date`}
                  label="Date"
                  type="date"
                  error={nested(`holidays.${i}.date`)}
                  {...form.register(`holidays.${i}.date`)}
                />
                <FieldInput
                  id={`${prefix}-d${i}-name`}
                  label="Name"
                  maxLength={100}
                  error={nested(`holidays.${i}.name`)}
                  {...form.register(`holidays.${i}.name`)}
                />
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  aria-label={`Remove holiday ${i + 1}`}
                  onClick={() => holidays.remove(i)}
                >
                  <Trash2 className="h-3.5 w-3.5" aria-hidden />
                </Button>
              </div>
            ))}
            <Button type="button" variant="secondary" size="sm" onClick={() => holidays.append({ date: '', name: '' })}>
              <Plus className="h-3.5 w-3.5" aria-hidden /> Add holiday
            </Button>
          </fieldset>
          <label className="flex items-center gap-2 text-sm" htmlFor={`${prefix}-helpdesk`}>
            <input id={`${prefix}-helpdesk`} type="checkbox" className="h-4 w-4" {...form.register('for_helpdesk')} />
            The help desk's response targets count in this calendar
          </label>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" pending={pending}>
              {calendar ? 'Save calendar' : 'Create calendar'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
