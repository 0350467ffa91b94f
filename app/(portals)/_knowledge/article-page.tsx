import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleActions } from '@/components/knowledge/article-actions';
import { ArticleBody } from '@/components/knowledge/article-body';
import { ArticleFeedback, ViewBeacon } from '@/components/knowledge/article-feedback';
import { VersionHistory } from '@/components/knowledge/version-history';
import { Time } from '@/components/ui/time';
import type { Actor } from '@/lib/domain/actor';
import { AppError } from '@/lib/domain/errors';
import { getArticle, listVersions } from '@/lib/domain/knowledge/queries';
import { ArticleBadges, Breadcrumbs } from './shared';

async function load<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof AppError && e.status === 404) notFound();
    throw e;
  }
}

/** An article as a reader sees it (breadcrumbs, body, feedback, related); staff also see state and history. */
export async function KnowledgeArticle({
  actor,
  base,
  slug,
  staff,
}: {
  actor: Actor;
  base: string;
  slug: string;
  staff: boolean;
}) {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) notFound();
  const a = await load(getArticle(actor, slug));
  const versions = staff && a.can_edit ? await listVersions(actor, a.id) : null;
  const published = a.status === 'published';
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <article className="space-y-4 lg:col-span-2" aria-labelledby="kb-article-title">
        <Breadcrumbs base={base} trail={a} current={a.title} />
        <header className="space-y-1">
          <h1 id="kb-article-title" className="text-2xl font-semibold tracking-tight">
            {a.title}
          </h1>
          <p className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
            <span>
              Updated <Time value={a.updated_at} />
            </span>
            {staff && <span>· version {a.version}</span>}
            {staff && <span>· {a.views} views</span>}
            <ArticleBadges status={a.status} visibility={a.visibility} staff={staff} />
          </p>
          {a.tags.length > 0 && (
            <ul className="flex flex-wrap gap-1" aria-label="Tags">
              {a.tags.map((t) => (
                <li key={t}>
                  <Link
                    href={`${base}?tag=${encodeURIComponent(t)}`}
                    className="rounded-full bg-slate-100 px-2 py-0.5 text-xs hover:underline dark:bg-slate-800"
                  >
                    {t}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </header>
        {staff && a.can_edit && <ArticleActions id={a.id} status={a.status} editHref={`${base}/${a.slug}/edit`} />}
        <div className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
          <ArticleBody html={a.html} />
        </div>
        {published && <ArticleFeedback articleId={a.id} mine={a.my_feedback} helpful={a.helpful} notHelpful={a.not_helpful} />}
        {published && <ViewBeacon articleId={a.id} />}
        {!staff && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Still stuck?{' '}
            <Link href="/employee/tickets/new" className="font-medium underline">
              Submit a ticket
            </Link>{' '}
            and we will help.
          </p>
        )}
      </article>
      <aside className="space-y-6">
        <section aria-labelledby="kb-related">
          <h2 id="kb-related" className="mb-2 font-semibold">
            Related articles
          </h2>
          {a.related.length ? (
            <ul className="space-y-1.5 text-sm">
              {a.related.map((r) => (
                <li key={r.id}>
                  <Link href={`${base}/${r.slug}`} className="text-brand-700 hover:underline dark:text-brand-100">
                    {r.title}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-500">No related articles.</p>
          )}
        </section>
        {staff && (
          <section className="space-y-1 text-sm">
            <p>
              <span className="text-slate-500">Written by</span> {a.author.name ?? '—'}
            </p>
            <p>
              <span className="text-slate-500">Last change by</span> {a.updated_by.name ?? '—'}
            </p>
            {a.source_ticket_number && (
              <p>
                <span className="text-slate-500">Drafted from</span> <span className="font-mono">{a.source_ticket_number}</span>
              </p>
            )}
          </section>
        )}
        {versions && <VersionHistory articleId={a.id} versions={versions.results} />}
      </aside>
    </div>
  );
}
