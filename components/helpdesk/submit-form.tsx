'use client';

import { Paperclip, Upload, X } from 'lucide-react';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { ArticleSuggestions, DeflectedNotice, type SolvedBy } from '@/components/knowledge/article-suggestions';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { FieldInput, FieldSelect, FieldTextarea } from '@/components/ui/form-controls';
import { api } from '@/lib/client/api';
import { draftKey } from '@/lib/client/drafts';
import { useDomainForm } from '@/lib/client/use-domain-form';
import { ACCEPT_ATTRIBUTE, MAX_FILES, megabytes, refuseChosenFile } from '@/lib/domain/helpdesk/attachment-rules';
import { ticketCreateInput } from '@/lib/domain/helpdesk/schemas';

interface Catalog {
  departments: string[];
  categories: { name: string; department: string | null; sub_categories: string[] }[];
}

/** The department choice for categories that belong to no department ("Others"). */
const NO_DEPARTMENT = 'none';

/**
 * The domain's create schema with the picker's own rules: a department is chosen first (001 §2: department →
 * category → sub-category), and a category that has sub-categories needs one.
 */
function submitSchema(catalog: Catalog) {
  return z
    .object({
      subject: ticketCreateInput.shape.subject,
      description: ticketCreateInput.shape.description,
      department: z.string().min(1, 'Choose a department'),
      category: z.string().min(1, 'Choose a category').pipe(ticketCreateInput.shape.category),
      sub_category: z.string(),
    })
    .superRefine((v, ctx) => {
      const subs = catalog.categories.find((c) => c.name === v.category)?.sub_categories ?? [];
      if (subs.length && !v.sub_category)
        ctx.addIssue({ code: 'custom', path: ['sub_category'], message: 'Choose a sub-category' });
    });
}

const EMPTY = { subject: '', description: '', department: '', category: '', sub_category: '' };

/**
 * Ticket submission: department → category → sub-category, files checked against the attachment rules as they
 * are chosen (drag and drop or the button) and uploaded with progress. What is typed is kept in the browser until
 * the ticket is submitted (Back, reload and an ended session lose nothing); chosen files cannot be kept.
 */
export function SubmitTicketForm({ catalog, maxBytes, userId }: { catalog: Catalog; maxBytes: number; userId: number }) {
  const [schema] = useState(() => submitSchema(catalog));
  const { form, submit, errorOf, formError, pending, discardDraft } = useDomainForm(schema, {
    defaultValues: EMPTY,
    draft: draftKey(userId, 'new-ticket'),
  });
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [solvedBy, setSolvedBy] = useState<SolvedBy | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  // a draft kept from before may name a choice that is no longer offered (retired by an admin): choose again
  useEffect(() => {
    const { department: d, category: c, sub_category: sub } = form.getValues();
    const known = catalog.categories.find((x) => x.name === c);
    if (d && d !== NO_DEPARTMENT && !catalog.departments.includes(d)) form.setValue('department', '');
    if (c && !known) form.setValue('category', '');
    if (sub && !known?.sub_categories.includes(sub)) form.setValue('sub_category', '');
  }, [catalog, form]);

  // the selects show the form's values (controlled), so a restored draft shows even when its options render later
  const [subject, department, category, subCategory] = form.watch(['subject', 'department', 'category', 'sub_category']);
  const withoutDepartment = catalog.categories.some((c) => !c.department);
  const categories = catalog.categories.filter((c) =>
    department === NO_DEPARTMENT ? !c.department : !department || c.department === department,
  );
  const subs = catalog.categories.find((c) => c.name === category)?.sub_categories ?? [];

  const addFiles = (list: FileList | null) => {
    if (!list) return;
    const refused: string[] = [];
    const next = [...files];
    for (const f of Array.from(list)) {
      const why = refuseChosenFile(f, maxBytes);
      if (why) refused.push(why);
      else next.push(f);
    }
    if (next.length > MAX_FILES) refused.push(`At most ${MAX_FILES} files`);
    setFileError(refused.length ? refused.join(' · ') : null);
    setFiles(next.slice(0, MAX_FILES));
  };

  const onSubmit = submit(
    async (v) => {
      const data = new FormData();
      data.set('subject', v.subject);
      data.set('description', v.description);
      data.set('category', v.category);
      if (v.sub_category) data.set('sub_category', v.sub_category);
      if (v.department && v.department !== NO_DEPARTMENT) data.set('department', v.department);
      for (const f of files) data.append('file', f, f.name);
      setProgress(0);
      try {
        const t = await api<{ ticket_number: string }>('POST', '/hdts/api/tickets/', data, { onUploadProgress: setProgress });
        setCreated(t.ticket_number);
      } finally {
        setProgress(null);
      }
    },
    'Ticket submitted',
    () => {
      form.reset(EMPTY);
      setFiles([]);
      discardDraft();
    },
  );

  if (solvedBy) return <DeflectedNotice article={solvedBy} onRestart={() => setSolvedBy(null)} />;

  if (created) {
    return (
      <div role="status" className="rounded-xl border border-green-300 bg-green-50 p-6 dark:border-green-800 dark:bg-green-950">
        <h2 className="text-lg font-semibold">Ticket submitted</h2>
        <p className="mt-1 text-sm">
          Your ticket number is{' '}
          <strong className="font-mono" data-testid="new-ticket-number">
            {created}
          </strong>
          . A coordinator will review it shortly.
        </p>
        <div className="mt-4 flex gap-2">
          <Button asChild>
            <Link href={`/employee/tickets/${created}`}>View ticket</Link>
          </Button>
          <Button variant="secondary" onClick={() => setCreated(null)}>
            Submit another
          </Button>
        </div>
      </div>
    );
  }

  const departmentField = form.register('department');
  const categoryField = form.register('category');
  const fileHint = `Up to ${MAX_FILES} files, ${megabytes(maxBytes)} MB each: PDF, Office, images, ZIP, text`;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <FormError>{formError}</FormError>
      <FieldInput id="subject" label="Subject" maxLength={255} error={errorOf('subject')} {...form.register('subject')} />
      <ArticleSuggestions
        subject={subject ?? ''}
        category={category || undefined}
        onSolved={(article) => {
          // an answer solved it: no ticket, so nothing to keep for later
          discardDraft();
          setSolvedBy(article);
        }}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <FieldSelect
          id="department"
          label="Department"
          error={errorOf('department')}
          {...departmentField}
          value={department}
          onChange={(e) => {
            void departmentField.onChange(e);
            // a category of another department no longer fits
            const fits = catalog.categories.find((c) => c.name === form.getValues('category'));
            const value = e.target.value;
            if (fits && (value === NO_DEPARTMENT ? fits.department : fits.department !== value)) {
              form.setValue('category', '');
              form.setValue('sub_category', '');
            }
          }}
        >
          <option value="">Choose a department</option>
          {catalog.departments
            .filter((d) => catalog.categories.some((c) => c.department === d))
            .map((d) => (
              <option key={d}>{d}</option>
            ))}
          {withoutDepartment && <option value={NO_DEPARTMENT}>Something else</option>}
        </FieldSelect>
        <FieldSelect
          id="category"
          label="Category"
          error={errorOf('category')}
          {...categoryField}
          value={category}
          onChange={(e) => {
            void categoryField.onChange(e);
            form.setValue('sub_category', '');
            // choosing a category first picks its department
            const c = catalog.categories.find((x) => x.name === e.target.value);
            if (c) form.setValue('department', c.department ?? NO_DEPARTMENT, { shouldValidate: form.formState.isSubmitted });
          }}
        >
          <option value="">Choose a category</option>
          {categories.map((c) => (
            <option key={c.name}>{c.name}</option>
          ))}
        </FieldSelect>
        <FieldSelect
          id="sub_category"
          label="Sub-category"
          error={errorOf('sub_category')}
          hint={subs.length || !category ? undefined : 'Not needed for this category'}
          disabled={!subs.length}
          {...form.register('sub_category')}
          value={subCategory}
        >
          <option value="">{subs.length ? 'Choose a sub-category' : '—'}</option>
          {subs.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </FieldSelect>
      </div>
      <FieldTextarea
        id="description"
        label="Description"
        rows={6}
        error={errorOf('description')}
        {...form.register('description')}
      />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Attachments (optional)</legend>
        <section
          aria-label="Drop files here"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            addFiles(e.dataTransfer.files);
          }}
          className={`flex flex-col items-center gap-2 rounded-lg border-2 border-dashed p-5 text-sm ${dragging ? 'border-brand-500 bg-brand-50 dark:bg-slate-800' : 'border-slate-300 dark:border-slate-700'}`}
        >
          <Upload className="h-5 w-5 text-slate-500" aria-hidden />
          <span>Drag files here, or</span>
          {/* the one control: the file input below is driven by this button and takes no tab stop of its own */}
          <Button
            variant="secondary"
            size="sm"
            onClick={() => inputRef.current?.click()}
            aria-describedby={fileError ? 'files-error' : 'files-hint'}
          >
            Choose files
          </Button>
          <input
            ref={inputRef}
            type="file"
            multiple
            accept={ACCEPT_ATTRIBUTE}
            tabIndex={-1}
            aria-hidden
            className="hidden"
            onChange={(e) => {
              addFiles(e.target.files);
              e.target.value = '';
            }}
          />
        </section>
        {fileError ? (
          <p id="files-error" role="alert" className="text-xs font-medium text-red-700 dark:text-red-400">
            {fileError}
          </p>
        ) : (
          <p id="files-hint" className="text-xs text-slate-500 dark:text-slate-400">
            {fileHint}
          </p>
        )}
      </fieldset>
      {files.length > 0 && (
        <ul className="space-y-1 text-sm" aria-label="Files to upload">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`} className="flex items-center gap-2">
              <Paperclip className="h-4 w-4 text-slate-500" aria-hidden />
              <span className="truncate">{f.name}</span>
              <span className="text-xs text-slate-500">{(f.size / 1024).toFixed(1)} KB</span>
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Remove ${f.name}`}
                onClick={() => setFiles(files.filter((_, j) => j !== i))}
              >
                <X className="h-3.5 w-3.5" aria-hidden />
              </Button>
            </li>
          ))}
        </ul>
      )}
      {progress !== null && (
        <div>
          <progress className="w-full" value={Math.round(progress * 100)} max={100} aria-label="Upload progress" />
          <p className="text-xs text-slate-500">{Math.round(progress * 100)}% uploaded</p>
        </div>
      )}
      <Button type="submit" pending={pending}>
        Submit ticket
      </Button>
    </form>
  );
}
