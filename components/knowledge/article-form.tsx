'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { describedBy, Field, FormError } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import { ApiError, api } from '@/lib/client/api';
import { useMutation } from '@/lib/client/use-mutation';
import { articleCreateInput, MAX_BODY } from '@/lib/domain/knowledge/schemas';
import { ArticleBody } from './article-body';

type In = z.input<typeof articleCreateInput>;
type Out = z.output<typeof articleCreateInput>;

export interface ArticleFormValues {
  title: string;
  body: string;
  category: string;
  sub_category: string | null;
  department: string | null;
  tags: string[];
  visibility: 'everyone' | 'staff';
  source_ticket_number?: string | null;
}

interface Catalog {
  categories: { name: string; department: string | null; sub_categories: string[] }[];
}

/**
 * New article or edit (react-hook-form with the domain's zod schema, so the browser checks what the API checks).
 * Writing and preview tabs; the preview is rendered by the server's sanitiser. Edits send the version they
 * started from, so a newer save by someone else is not overwritten (409).
 */
export function ArticleForm({
  catalog,
  initial,
  articleId,
  version,
  base,
  canRecategorize = true,
}: {
  catalog: Catalog;
  initial?: Partial<ArticleFormValues>;
  articleId?: number;
  version?: number;
  /** The portal's knowledge base path, e.g. /coordinator/knowledge */
  base: string;
  canRecategorize?: boolean;
}) {
  const router = useRouter();
  const { pending, error, run } = useMutation({ toastErrors: false });
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const [preview, setPreview] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(articleCreateInput),
    defaultValues: {
      title: initial?.title ?? '',
      body: initial?.body ?? '',
      category: initial?.category ?? '',
      sub_category: initial?.sub_category ?? '',
      department: initial?.department ?? null,
      tags: (initial?.tags ?? []).join(', '),
      visibility: initial?.visibility ?? 'everyone',
      source_ticket_number: initial?.source_ticket_number ?? null,
    },
  });
  const { register, handleSubmit, watch, formState } = form;
  const category = watch('category');
  const subs = catalog.categories.find((c) => c.name === category)?.sub_categories ?? [];
  const err = (k: keyof In) =>
    (formState.errors[k]?.message as string | undefined) ??
    (error instanceof ApiError ? error.fields[k as string]?.[0] : undefined);
  const formError =
    error instanceof ApiError && !Object.keys(error.fields).length
      ? error.message
      : error && !(error instanceof ApiError)
        ? 'Something went wrong'
        : undefined;

  const submit = handleSubmit(async (values) => {
    // the department follows from the category (the server fills it in)
    const body = { ...values, department: null, sub_category: values.sub_category || null };
    let slug = '';
    const ok = await run(
      async () => {
        if (articleId) {
          const { source_ticket_number: _s, ...rest } = body;
          const r = await api<{ slug: string }>('PATCH', `/hdts/api/kb/articles/${articleId}/`, {
            ...rest,
            ...(canRecategorize ? {} : { category: undefined, sub_category: undefined, visibility: undefined }),
            change_note: note.trim() || null,
            expected_version: version,
          });
          slug = r.slug;
        } else {
          const r = await api<{ slug: string }>('POST', '/hdts/api/kb/articles/', body);
          slug = r.slug;
        }
      },
      articleId ? 'Article saved' : 'Draft saved',
    );
    if (ok) router.push(`${base}/${slug}`);
  });

  async function showPreview() {
    setTab('preview');
    setPreview(null);
    try {
      const r = await api<{ html: string }>('POST', '/hdts/api/kb/preview/', { body: form.getValues('body') ?? '' });
      setPreview(r.html);
    } catch {
      setPreview('<p>Preview unavailable.</p>');
    }
  }

  return (
    <form onSubmit={submit} noValidate className="max-w-3xl space-y-4">
      <FormError>{formError}</FormError>
      <Field id="kb-title" label="Title" error={err('title')}>
        <Input
          id="kb-title"
          maxLength={200}
          aria-invalid={!!err('title')}
          aria-describedby={describedBy('kb-title', err('title'))}
          {...register('title')}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          id="kb-category"
          label="Category"
          error={err('category')}
          hint={canRecategorize ? undefined : 'Admins change this on published articles'}
        >
          <NativeSelect
            id="kb-category"
            disabled={!canRecategorize}
            aria-invalid={!!err('category')}
            aria-describedby={describedBy('kb-category', err('category'))}
            {...register('category', { onChange: () => form.setValue('sub_category', '') })}
          >
            <option value="">Choose a category</option>
            {catalog.categories.map((c) => (
              <option key={c.name} value={c.name}>
                {c.department ? `${c.department} › ${c.name}` : c.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field
          id="kb-sub"
          label="Sub-category"
          error={err('sub_category')}
          hint={subs.length ? undefined : 'None for this category'}
        >
          <NativeSelect id="kb-sub" disabled={!subs.length || !canRecategorize} {...register('sub_category')}>
            <option value="">{subs.length ? 'Any' : '—'}</option>
            {subs.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field id="kb-visibility" label="Visible to" error={err('visibility')}>
          <NativeSelect id="kb-visibility" disabled={!canRecategorize} {...register('visibility')}>
            <option value="everyone">Everyone (employees too)</option>
            <option value="staff">Staff only</option>
          </NativeSelect>
        </Field>
      </div>
      <Field id="kb-tags" label="Tags" error={err('tags')} hint="Separate tags with commas, e.g. vpn, remote work">
        <Input
          id="kb-tags"
          aria-invalid={!!err('tags')}
          aria-describedby={describedBy('kb-tags', err('tags'), 'x')}
          {...register('tags')}
        />
      </Field>
      <div className="space-y-1">
        <div className="flex items-center justify-between">
          <label htmlFor="kb-body" className="text-sm font-medium">
            Article text (Markdown)
          </label>
          <div role="tablist" aria-label="Editor view" className="flex gap-1 text-xs">
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'write'}
              onClick={() => setTab('write')}
              className={`rounded px-2 py-1 ${tab === 'write' ? 'bg-slate-200 dark:bg-slate-700' : ''}`}
            >
              Write
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'preview'}
              onClick={showPreview}
              className={`rounded px-2 py-1 ${tab === 'preview' ? 'bg-slate-200 dark:bg-slate-700' : ''}`}
            >
              Preview
            </button>
          </div>
        </div>
        <div hidden={tab !== 'write'}>
          <Textarea
            id="kb-body"
            rows={16}
            maxLength={MAX_BODY}
            className="font-mono text-sm"
            aria-invalid={!!err('body')}
            aria-describedby={describedBy('kb-body', err('body'), 'x')}
            {...register('body')}
          />
          {err('body') ? (
            <p id="kb-body-error" className="text-xs font-medium text-red-700">
              {err('body')}
            </p>
          ) : (
            <p id="kb-body-hint" className="text-xs text-slate-500">
              ## headings, **bold**, lists, [links](https://…) and `code`. HTML is shown as text.
            </p>
          )}
        </div>
        {tab === 'preview' && (
          <div className="min-h-40 rounded-md border border-slate-200 p-3 dark:border-slate-800" data-testid="kb-preview">
            {preview === null ? <p className="text-sm text-slate-500">Rendering…</p> : <ArticleBody html={preview} />}
          </div>
        )}
      </div>
      {articleId && (
        <Field id="kb-note" label="What did you change? (optional)">
          <Input id="kb-note" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
      )}
      <div className="flex gap-2">
        <Button type="submit" pending={pending}>
          {articleId ? 'Save changes' : 'Save draft'}
        </Button>
        <Button variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
