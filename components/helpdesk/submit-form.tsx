'use client';

import { Paperclip, Upload, X } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { ArticleSuggestions, DeflectedNotice, type SolvedBy } from '@/components/knowledge/article-suggestions';
import { Button } from '@/components/ui/button';
import { describedBy, Field, FormError } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import { ApiError, api, fieldError } from '@/lib/client/api';

interface Catalog {
  categories: { name: string; department: string | null; sub_categories: string[] }[];
}
const ALLOWED = '.pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg,.gif,.zip,.txt,.log,.csv,.json,.xml';

/** Ticket submission: dependent category/sub-category, drag-and-drop files with upload progress, field errors. */
export function SubmitTicketForm({ catalog, maxBytes }: { catalog: Catalog; maxBytes: number }) {
  const router = useRouter();
  const [category, setCategory] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [solvedBy, setSolvedBy] = useState<SolvedBy | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const subs = catalog.categories.find((c) => c.name === category)?.sub_categories ?? [];

  const addFiles = (list: FileList | null) => {
    if (!list) return;
    const next = [...files];
    for (const f of Array.from(list)) {
      if (f.size > maxBytes) {
        setLocal((l) => ({ ...l, file: `${f.name} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB` }));
        continue;
      }
      next.push(f);
    }
    setFiles(next.slice(0, 5));
  };

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const errs: Record<string, string> = {};
    for (const k of ['subject', 'description', 'category'] as const)
      if (!String(data.get(k) ?? '').trim()) errs[k] = 'This field is required';
    if (subs.length && !data.get('sub_category')) errs.sub_category = 'Choose a sub-category';
    setLocal(errs);
    setError(null);
    if (Object.keys(errs).length) return;
    data.delete('files');
    for (const f of files) data.append('file', f, f.name);
    setProgress(0);
    try {
      const t = await api<{ ticket_number: string }>('POST', '/hdts/api/tickets/', data, { onUploadProgress: setProgress });
      setCreated(t.ticket_number);
      router.refresh();
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  }

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
          <Button
            variant="secondary"
            onClick={() => {
              setCreated(null);
              setFiles([]);
              setCategory('');
              setSubject('');
            }}
          >
            Submit another
          </Button>
        </div>
      </div>
    );
  }

  const err = (k: string) => local[k] ?? fieldError(error, k);
  const formError =
    error instanceof ApiError && !Object.keys(error.fields).length
      ? error.message
      : error && !(error instanceof ApiError)
        ? 'Something went wrong'
        : undefined;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <FormError>{formError}</FormError>
      <Field id="subject" label="Subject" error={err('subject')}>
        <Input
          id="subject"
          name="subject"
          maxLength={255}
          aria-invalid={!!err('subject')}
          aria-describedby={describedBy('subject', err('subject'))}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
        />
      </Field>
      <ArticleSuggestions subject={subject} category={category || undefined} onSolved={setSolvedBy} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="category" label="Category" error={err('category')}>
          <NativeSelect
            id="category"
            name="category"
            value={category}
            onChange={(e) => setCategory(e.target.value)}
            aria-invalid={!!err('category')}
            aria-describedby={describedBy('category', err('category'))}
          >
            <option value="">Choose a category</option>
            {catalog.categories.map((c) => (
              <option key={c.name}>{c.name}</option>
            ))}
          </NativeSelect>
        </Field>
        <Field
          id="sub_category"
          label="Sub-category"
          error={err('sub_category')}
          hint={subs.length ? undefined : 'Not needed for this category'}
        >
          <NativeSelect
            id="sub_category"
            name="sub_category"
            disabled={!subs.length}
            aria-invalid={!!err('sub_category')}
            aria-describedby={describedBy('sub_category', err('sub_category'), subs.length ? undefined : 'x')}
          >
            <option value="">{subs.length ? 'Choose a sub-category' : '—'}</option>
            {subs.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </NativeSelect>
        </Field>
      </div>
      <Field id="description" label="Description" error={err('description')}>
        <Textarea
          id="description"
          name="description"
          rows={6}
          aria-invalid={!!err('description')}
          aria-describedby={describedBy('description', err('description'))}
        />
      </Field>
      <Field
        id="files"
        label="Attachments (optional)"
        error={err('file')}
        hint={`Up to 5 files, ${Math.round(maxBytes / 1024 / 1024)} MB each: PDF, Office, images, ZIP, text`}
      >
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
          <Button variant="secondary" size="sm" onClick={() => inputRef.current?.click()}>
            Choose files
          </Button>
          <input
            ref={inputRef}
            id="files"
            name="files"
            type="file"
            multiple
            accept={ALLOWED}
            className="sr-only"
            onChange={(e) => {
              addFiles(e.target.files);
              e.target.value = '';
            }}
          />
        </section>
      </Field>
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
      <Button type="submit" pending={progress !== null}>
        Submit ticket
      </Button>
    </form>
  );
}
