import { FilePlus2, FolderOpen } from 'lucide-react';
import Link from 'next/link';
import { KnowledgeFigures } from '@/components/knowledge/knowledge-figures';
import { Button } from '@/components/ui/button';
import { Pager } from '@/components/ui/pager';
import type { Actor } from '@/lib/domain/actor';
import { isKnowledgeAdmin, isKnowledgeEditor } from '@/lib/domain/knowledge/policy';
import { knowledgeCategories, knowledgeStats, listArticles } from '@/lib/domain/knowledge/queries';
import { type ArticleStatus, articleListQuery } from '@/lib/domain/knowledge/schemas';
import { ArticleList, href, one, type Params, SearchBox } from './shared';

const TABS: { id: ArticleStatus; label: string }[] = [
  { id: 'published', label: 'Published' },
  { id: 'draft', label: 'Drafts' },
  { id: 'archived', label: 'Archived' },
];

/** The knowledge base of a portal: search, browse by catalog, and (editors) drafts and archive; figures for admins. */
export async function KnowledgeIndex({
  actor,
  base,
  params,
  staff,
}: {
  actor: Actor;
  base: string;
  params: Params;
  staff: boolean;
}) {
  const editor = staff && isKnowledgeEditor(actor);
  const parsed = articleListQuery.safeParse({
    q: one(params.q),
    department: one(params.department),
    category: one(params.category),
    sub_category: one(params.sub_category),
    tag: one(params.tag),
    status: editor ? one(params.status) : undefined,
    page: one(params.page),
    page_size: 20,
  });
  const q = parsed.success ? parsed.data : articleListQuery.parse({ page_size: 20 });
  const filtered = !!(q.q || q.department || q.category || q.sub_category || q.tag || (q.status && q.status[0] !== 'published'));
  const [result, cats, popular, stats] = await Promise.all([
    filtered ? listArticles(actor, q) : null,
    knowledgeCategories(actor),
    filtered ? null : listArticles(actor, { page: 1, page_size: 6, sort: 'views' }),
    staff && isKnowledgeAdmin(actor) && base.startsWith('/admin') ? knowledgeStats(actor, 30) : null,
  ]);
  const status = q.status?.[0] ?? 'published';
  const keep = { q: q.q, department: q.department, category: q.category, sub_category: q.sub_category, tag: q.tag };
  const where = [q.department, q.category, q.sub_category].filter(Boolean).join(' › ');

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Knowledge base</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {staff ? 'Answers for employees and staff runbooks.' : 'Find an answer before you submit a ticket.'}
          </p>
        </div>
        {editor && (
          <Button asChild>
            <Link href={`${base}/new`}>
              <FilePlus2 className="h-4 w-4" aria-hidden /> New article
            </Link>
          </Button>
        )}
      </div>
      {stats && <KnowledgeFigures stats={stats} base={base} />}
      <SearchBox
        base={base}
        q={q.q}
        hidden={{ category: q.category, sub_category: q.sub_category, status: editor ? status : undefined }}
      />
      {editor && (
        <nav aria-label="Article states" className="flex gap-1">
          {TABS.map((t) => (
            <Link
              key={t.id}
              href={href(base, { ...keep, status: t.id === 'published' ? undefined : t.id })}
              aria-current={status === t.id ? 'page' : undefined}
              className={`rounded-md px-3 py-1.5 text-sm ${status === t.id ? 'bg-brand-600 text-white' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
            >
              {t.label}
            </Link>
          ))}
        </nav>
      )}
      {result ? (
        <section aria-label="Articles" className="space-y-3">
          <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
            {result.count === 1
              ? '1 article'
              : `${result.count.toLocaleString('en-US')}${result.extra.count_capped ? '+' : ''} articles`}
            {q.q ? ` for “${q.q}”` : ''}
            {where ? ` in ${where}` : ''}
            {result.extra.match === 'any' && result.count > 0 ? ' (no article has all the words: these have some of them)' : ''} ·{' '}
            <Link href={base} className="underline">
              Clear
            </Link>
          </p>
          {result.results.length ? (
            <ArticleList items={result.results} base={base} staff={staff} />
          ) : (
            <div className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">
              <p className="font-medium">No articles found.</p>
              <p className="mt-1 text-slate-600 dark:text-slate-400">
                Try other words{staff ? '.' : ', or '}
                {!staff && (
                  <Link href="/employee/tickets/new" className="underline">
                    submit a ticket
                  </Link>
                )}
                {!staff && '.'}
              </p>
            </div>
          )}
          <Pager
            page={q.page}
            count={result.count}
            pageSize={20}
            href={(p) => href(base, { ...keep, status: status === 'published' ? undefined : status, page: p })}
          />
        </section>
      ) : (
        <div className="grid gap-6 lg:grid-cols-3">
          <section aria-labelledby="kb-browse" className="lg:col-span-2">
            <h2 id="kb-browse" className="mb-2 font-semibold">
              Browse by topic
            </h2>
            <ul className="grid gap-3 sm:grid-cols-2">
              {cats.categories.map((c) => (
                <li
                  key={c.name}
                  className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
                >
                  <p className="text-xs text-slate-500">{c.department ?? 'General'}</p>
                  <Link href={href(base, { category: c.name })} className="flex items-center gap-1.5 font-medium hover:underline">
                    <FolderOpen className="h-4 w-4 text-brand-600" aria-hidden /> {c.name}
                    <span className="text-xs font-normal text-slate-500">({c.articles})</span>
                  </Link>
                  {c.sub_categories.some((s) => s.articles > 0) && (
                    <ul className="mt-2 space-y-0.5 text-sm">
                      {c.sub_categories
                        .filter((s) => s.articles > 0)
                        .map((s) => (
                          <li key={s.name}>
                            <Link
                              href={href(base, { category: c.name, sub_category: s.name })}
                              className="text-slate-700 hover:underline dark:text-slate-300"
                            >
                              {s.name} <span className="text-xs text-slate-500">({s.articles})</span>
                            </Link>
                          </li>
                        ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="kb-popular">
            <h2 id="kb-popular" className="mb-2 font-semibold">
              Most read
            </h2>
            {popular?.results.length ? (
              <ol className="space-y-2 text-sm">
                {popular.results.map((a) => (
                  <li key={a.id}>
                    <Link href={`${base}/${a.slug}`} className="text-brand-700 hover:underline dark:text-brand-100">
                      {a.title}
                    </Link>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-sm text-slate-500">No articles yet.</p>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
