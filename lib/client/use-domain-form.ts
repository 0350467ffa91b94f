'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef } from 'react';
import { type DefaultValues, type FieldValues, type Path, type Resolver, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from './api';
import { readDraft, writeDraft } from './drafts';
import { useMutation } from './use-mutation';

type Schema = z.ZodType<FieldValues, FieldValues>;

/**
 * The one client-form pattern: react-hook-form checked by the domain's zod schema (the browser refuses what the
 * API would refuse, with the same messages), written through `useMutation`. The API's field errors are put on
 * the form's fields, so each one disappears as soon as that field is changed to something valid (react-hook-form
 * re-validates a field on change after a submit); an error tied to no field of the form is `formError`.
 * With `draft` (a `draftKey(...)`), what is typed is kept in the browser until sent: restored on mount, saved on
 * every change, removed once the fields are back to their defaults (after a successful send resets the form).
 */
export function useDomainForm<S extends Schema>(
  schema: S,
  {
    defaultValues,
    toastErrors = false,
    draft,
  }: { defaultValues: DefaultValues<z.input<S>>; toastErrors?: boolean; draft?: string },
) {
  const mutation = useMutation({ toastErrors });
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    // zodResolver's overloads cannot be picked for a generic schema; the types are the schema's own
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues,
    reValidateMode: 'onChange',
  });
  const names = new Set(Object.keys(defaultValues ?? {}));

  // the form's first values: what "nothing typed" means for the draft
  const initial = useRef((defaultValues ?? {}) as Record<string, unknown>);
  const { setValue, watch } = form;
  useEffect(() => {
    if (!draft) return;
    const defaults = initial.current;
    const saved = readDraft<Record<string, unknown>>(draft);
    // only the form's own fields, of the same type as their defaults (a draft of an older form is ignored)
    for (const [name, value] of Object.entries(saved ?? {}))
      if (name in defaults && typeof value === typeof defaults[name])
        setValue(name as Path<z.input<S>>, value as never, { shouldDirty: true });
    const sub = watch((values) => {
      const changed = Object.entries(values).some(([name, v]) => name in defaults && v !== defaults[name]);
      writeDraft(draft, changed ? values : null);
    });
    return () => sub.unsubscribe();
  }, [draft, setValue, watch]);

  /** A submit handler: `send` writes (through `api`), `success` is the toast; `after` runs once it succeeded. */
  function submit(
    send: (values: z.output<S>) => Promise<unknown>,
    success: string,
    after?: (values: z.output<S>) => void,
    key?: string,
  ) {
    return form.handleSubmit(async (values) => {
      const ok = await mutation.run(
        async () => {
          try {
            return await send(values);
          } catch (e) {
            if (e instanceof ApiError) placeFieldErrors(e);
            throw e;
          }
        },
        success,
        key,
      );
      if (ok) after?.(values);
    });
  }

  function placeFieldErrors(e: ApiError) {
    for (const [name, messages] of Object.entries(e.fields)) {
      if (names.has(name)) form.setError(name as Path<z.input<S>>, { type: 'server', message: messages[0] });
    }
  }

  /** The message to show under a field (the browser's check or the API's). */
  const errorOf = (name: Path<z.input<S>>) => {
    const e = (form.formState.errors as Record<string, { message?: unknown } | undefined>)[name];
    return typeof e?.message === 'string' ? e.message : undefined;
  };

  const error = mutation.error;
  const unplaced =
    error instanceof ApiError ? Object.entries(error.fields).filter(([name]) => !names.has(name)) : ([] as [string, string[]][]);
  const formError =
    error instanceof ApiError
      ? Object.keys(error.fields).length === 0
        ? error.message
        : unplaced.length
          ? unplaced.map(([name, m]) => `${name.replaceAll('_', ' ')}: ${m[0]}`).join(' · ')
          : undefined
      : error
        ? 'Something went wrong. Please try again.'
        : undefined;

  return {
    form,
    submit,
    errorOf,
    formError,
    /** The last write's failure as thrown (an ApiError for API answers), for forms that react to a code. */
    error,
    pending: mutation.pending,
    pendingKey: mutation.pendingKey,
    reset: () => mutation.setError(null),
    /** Forget the kept draft (the form's values stay as they are). */
    discardDraft: () => draft && writeDraft(draft, null),
  };
}
