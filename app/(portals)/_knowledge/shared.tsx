import { ChevronRight } from 'lucide-react';
import Link from 'next/link';
import { Snippet } from '@/components/knowledge/article-body';
import { Badge } from '@/components/ui/badge';
import type { ArticleListItem } from '@/lib/domain/knowledge/queries';

/** Reading a page's search parameters: one value each. */
export type Params = Record<string, string | string[] | undefined>;
export const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export function href(base: string, params: Record<string, string | number | undefined>) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}

/** Knowledge base › department › category › sub-category, each a link to that part of the base. */
export function Breadcrumbs({
  base,
  trail,
  current,
}: {
  base: string;
  trail: { department: string | null; category: string; sub_category: string | null };
  current?: string;
}) {
  const items: { label: string; to: string }[] = [{ label: 'Knowledge base', to: base }];
  if (trail.department) items.push({ label: trail.department, to: href(base, { department: trail.department }) });
  items.push({ label: trail.category, to: href(base, { category: trail.category }) });
  if (trail.sub_category) {
    items.push({ label: trail.sub_category, to: href(base, { category: trail.category, sub_category: trail.sub_category }) });
  }
  return (
    <nav aria-label="Breadcrumb">
      <ol className="flex flex-wrap items-center gap-1 text-sm text-slate-600 dark:text-slate-400">
        {items.map((i) => (
          <li key={i.to} className="flex items-center gap-1">
            <Link href={i.to} className="hover:underline">
              {i.label}
            </Link>
            <ChevronRight className="h-3.5 w-3.5" aria-hidden />
          </li>
        ))}
        {current && (
          <li aria-current="page" className="font-medium text-slate-800 dark:text-slate-200">
            {current}
          </li>
        )}
      </ol>
    </nav>
  );
}

const STATUS_TONE = { published: 'success', draft: 'warning', archived: 'neutral' } as const;

export function ArticleBadges({ status, visibility, staff }: { status: string; visibility: string; staff: boolean }) {
  if (!staff) return null;
  return (
    <span className="inline-flex gap-1">
      <Badge tone={STATUS_TONE[status as keyof typeof STATUS_TONE] ?? 'neutral'}>{status}</Badge>
      {visibility === 'staff' && <Badge tone="info">staff only</Badge>}
    </span>
  );
}

/** Search results or a browsed list: title, where it lives, the matching snippet. */
export function ArticleList({ items, base, staff }: { items: ArticleListItem[]; base: string; staff: boolean }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
      {items.map((a) => (
        <li key={a.id} className="p-4" data-testid="kb-result">
          <div className="flex flex-wrap items-center gap-2">
            <Link href={`${base}/${a.slug}`} className="font-medium text-brand-700 hover:underline dark:text-brand-100">
              {a.title}
            </Link>
            <ArticleBadges status={a.status} visibility={a.visibility} staff={staff} />
          </div>
          <p className="text-xs text-slate-500">
            {[a.category, a.sub_category].filter(Boolean).join(' › ')}
            {a.tags.length ? ` · ${a.tags.join(', ')}` : ''}
          </p>
          {a.snippet ? (
            <Snippet html={a.snippet} className="mt-1" />
          ) : (
            a.excerpt && <p className="mt-1 line-clamp-2 text-sm text-slate-600 dark:text-slate-400">{a.excerpt}</p>
          )}
        </li>
      ))}
    </ul>
  );
}

export function SearchBox({ base, q, hidden = {} }: { base: string; q?: string; hidden?: Record<string, string | undefined> }) {
  return (
    <form action={base} method="get" aria-label="Search the knowledge base" className="flex max-w-2xl gap-2">
      <label htmlFor="kb-q" className="sr-only">
        Search the knowledge base
      </label>
      <input
        id="kb-q"
        name="q"
        type="search"
        defaultValue={q}
        placeholder="Search articles, e.g. vpn drops"
        className="h-10 flex-1 rounded-md border border-slate-300 bg-white px-3 text-sm dark:border-slate-700 dark:bg-slate-950"
      />
      {Object.entries(hidden).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <button type="submit" className="h-10 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
        Search
      </button>
    </form>
  );
}
