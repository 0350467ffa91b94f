import { notFound } from 'next/navigation';
import { ArticleForm, type ArticleFormValues } from '@/components/knowledge/article-form';
import type { Actor } from '@/lib/domain/actor';
import { AppError } from '@/lib/domain/errors';
import { catalog } from '@/lib/domain/helpdesk/queries';
import { isKnowledgeEditor } from '@/lib/domain/knowledge/policy';
import { articleDraftFromTicket, getArticle } from '@/lib/domain/knowledge/queries';
import { Breadcrumbs } from './shared';

/** A new article; `fromTicket` prefills it from a resolved ticket (nothing is saved until "Save draft"). */
export async function NewArticle({ actor, base, fromTicket }: { actor: Actor; base: string; fromTicket?: string }) {
  if (!isKnowledgeEditor(actor)) notFound();
  let initial: Partial<ArticleFormValues> | undefined;
  let problem: string | null = null;
  if (fromTicket && /^TX\d{14}$/.test(fromTicket)) {
    try {
      initial = await articleDraftFromTicket(actor, fromTicket);
    } catch (e) {
      if (!(e instanceof AppError) || e.status >= 500) throw e;
      problem = e.status === 404 ? `Ticket ${fromTicket} was not found.` : e.message;
    }
  }
  const c = await catalog();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">New article</h1>
      {initial?.source_ticket_number && (
        <p role="note" className="rounded-lg bg-brand-50 p-3 text-sm dark:bg-slate-800">
          Prefilled from ticket <span className="font-mono">{initial.source_ticket_number}</span>. It starts as a staff-only
          draft: remove anything personal before you make it visible to everyone.
        </p>
      )}
      {problem && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {problem}
        </p>
      )}
      <ArticleForm catalog={c} initial={initial} base={base} />
    </div>
  );
}

export async function EditArticle({ actor, base, slug }: { actor: Actor; base: string; slug: string }) {
  if (!isKnowledgeEditor(actor) || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) notFound();
  const a = await getArticle(actor, slug).catch((e) => {
    if (e instanceof AppError && e.status === 404) notFound();
    throw e;
  });
  const c = await catalog();
  return (
    <div className="space-y-4">
      <Breadcrumbs base={base} trail={a} current={a.title} />
      <h1 className="text-2xl font-semibold tracking-tight">Edit article</h1>
      <ArticleForm
        catalog={c}
        base={base}
        articleId={a.id}
        version={a.version}
        canRecategorize={a.can_recategorize}
        initial={{
          title: a.title,
          body: a.body,
          category: a.category,
          sub_category: a.sub_category,
          tags: a.tags,
          visibility: a.visibility,
        }}
      />
    </div>
  );
}
