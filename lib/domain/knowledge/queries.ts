import type { Prisma } from '@/lib/generated/prisma/client';
import { renderMarkdown } from '@/lib/markdown/render';
import { db } from '@/lib/server/db';
import type { Actor } from '../actor';
import { conflict, notFound } from '../errors';
import { catalog, getTicket } from '../helpdesk/queries';
import { usersByIds } from '../identity/directory';
import { Page } from '../pagination';
import {
  assertCanRead,
  assertEditor,
  assertKnowledgeAdmin,
  assertStaff,
  isKnowledgeAdmin,
  isKnowledgeEditor,
  readableVisibilities,
} from './policy';
import type { ArticleListQuery, ArticleStatus, SuggestionQuery, Visibility } from './schemas';
import { anyWords, type SearchFilter, type SearchHit, searchArticles, websearch, words } from './search';

type ArticleRow = Prisma.ArticleGetPayload<object>;
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** The portal-neutral address of an article (redirects to the reader's portal). */
export const articleUrl = (slug: string) => `/kb/${slug}`;

/** An article by id or slug as the caller may read it (404 otherwise). */
export async function loadArticle(actor: Actor, ref: string | number): Promise<ArticleRow> {
  const where = typeof ref === 'number' || /^\d+$/.test(ref) ? { id: Number(ref) } : { slug: ref };
  return assertCanRead(actor, await db.article.findUnique({ where }));
}

export function articleSummary(a: ArticleRow) {
  return {
    id: a.id,
    slug: a.slug,
    url: articleUrl(a.slug),
    title: a.title,
    department: a.department,
    category: a.category,
    sub_category: a.subCategory,
    tags: a.tags,
    visibility: a.visibility as Visibility,
    status: a.status as ArticleStatus,
    version: a.version,
    excerpt: a.bodyText.slice(0, 240),
    views: a.viewCount,
    helpful: a.helpfulCount,
    not_helpful: a.notHelpfulCount,
    deflections: a.deflectionCount,
    published_at: iso(a.publishedAt),
    updated_at: a.updatedAt.toISOString(),
  };
}
export type ArticleSummary = ReturnType<typeof articleSummary>;

/** Department › category › sub-category of an article, for breadcrumbs. */
export function breadcrumbs(a: { department: string | null; category: string; subCategory: string | null }) {
  return [a.department, a.category, a.subCategory].filter((x): x is string => !!x);
}

/** The full article: rendered body, people, the caller's vote and related articles. */
export async function getArticle(actor: Actor, ref: string | number) {
  const a = await loadArticle(actor, ref);
  const [names, vote, related] = await Promise.all([
    usersByIds([a.authorId, a.updatedById]),
    db.articleFeedback.findUnique({ where: { articleId_userId: { articleId: a.id, userId: actor.id } } }),
    relatedArticles(actor, a),
  ]);
  const editor = isKnowledgeEditor(actor);
  return {
    ...articleSummary(a),
    body: a.body,
    html: renderMarkdown(a.body),
    breadcrumbs: breadcrumbs(a),
    author: { id: a.authorId, name: names.get(a.authorId)?.name ?? null },
    updated_by: { id: a.updatedById, name: names.get(a.updatedById)?.name ?? null },
    created_at: a.createdAt.toISOString(),
    archived_at: iso(a.archivedAt),
    /** Editors only: the ticket this article was drafted from. */
    source_ticket_number: editor ? a.sourceTicketNumber : null,
    my_feedback: (vote ? (vote.helpful ? 'helpful' : 'not_helpful') : null) as 'helpful' | 'not_helpful' | null,
    related,
    can_edit: editor,
    can_recategorize: a.status !== 'published' || isKnowledgeAdmin(actor),
  };
}
export type ArticleDetail = Awaited<ReturnType<typeof getArticle>>;

/** Published articles of the same category the caller may read: same sub-category first, then shared tags. */
export async function relatedArticles(actor: Actor, a: ArticleRow, limit = 5) {
  const rows = await db.$queryRaw<{ id: number; slug: string; title: string; category: string; sub_category: string | null }[]>`
    SELECT a.id, a.slug, a.title, a.category, a.sub_category FROM knowledge.articles a
     WHERE a.id <> ${a.id} AND a.status = 'published' AND a.visibility = ANY(${readableVisibilities(actor)}::text[])
       AND a.category = ${a.category}
     ORDER BY (a.sub_category IS NOT DISTINCT FROM ${a.subCategory}) DESC, (a.tags && ${a.tags}::text[]) DESC,
              a.helpful_count DESC, a.view_count DESC, a.id DESC
     LIMIT ${limit}`;
  return rows.map((r) => ({ ...r, url: articleUrl(r.slug) }));
}

function filterFor(actor: Actor, q: ArticleListQuery): SearchFilter {
  const editor = isKnowledgeEditor(actor);
  const statuses: ArticleStatus[] = editor && q.status?.length ? q.status : ['published'];
  const visibilities = readableVisibilities(actor).filter((v) => !q.visibility || v === q.visibility);
  return {
    statuses,
    visibilities,
    department: q.department,
    category: q.category,
    subCategory: q.sub_category,
    tag: q.tag,
  };
}

export type ArticleListItem = ArticleSummary & { snippet: string | null; rank: number | null };

/** Browse or search: ranked matches with snippets when `q` is given, else newest/most viewed/by title. */
export async function listArticles(actor: Actor, q: ArticleListQuery): Promise<Page<ArticleListItem>> {
  const filter = filterFor(actor, q);
  if (!filter.visibilities.length) return new Page(0, [], q.page, q.page_size);
  if (q.q && words(q.q).length) {
    const page = { limit: q.page_size, offset: (q.page - 1) * q.page_size };
    const all = await searchArticles(websearch(q.q), filter, page);
    if (all.count > 0) {
      return new Page(all.count, all.hits.map(hitItem), q.page, q.page_size, { match: 'all', count_capped: all.capped });
    }
    // No article has every word: rank those whose title or tags have any of them rather than answer with nothing.
    const anyQuery = anyWords(q.q);
    const some = anyQuery ? await searchArticles(anyQuery, filter, page, { match: 'titles' }) : all;
    return new Page(some.count, some.hits.map(hitItem), q.page, q.page_size, {
      match: 'any',
      count_capped: 'capped' in some ? some.capped : false,
    });
  }
  const where: Prisma.ArticleWhereInput = {
    status: { in: filter.statuses },
    visibility: { in: filter.visibilities },
    ...(filter.department ? { department: filter.department } : {}),
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.subCategory ? { subCategory: filter.subCategory } : {}),
    ...(filter.tag ? { tags: { has: filter.tag } } : {}),
  };
  const orderBy: Prisma.ArticleOrderByWithRelationInput[] =
    q.sort === 'views'
      ? [{ viewCount: 'desc' }, { id: 'desc' }]
      : q.sort === 'title'
        ? [{ title: 'asc' }, { id: 'asc' }]
        : [{ updatedAt: 'desc' }, { id: 'desc' }];
  const [count, rows] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({ where, orderBy, skip: (q.page - 1) * q.page_size, take: q.page_size }),
  ]);
  return new Page(
    count,
    rows.map((r) => ({ ...articleSummary(r), snippet: null, rank: null })),
    q.page,
    q.page_size,
  );
}

function hitItem(h: SearchHit): ArticleListItem {
  return {
    id: h.id,
    slug: h.slug,
    url: articleUrl(h.slug),
    title: h.title,
    department: h.department,
    category: h.category,
    sub_category: h.sub_category,
    tags: h.tags,
    visibility: h.visibility,
    status: h.status,
    version: 0,
    excerpt: '',
    views: h.views,
    helpful: h.helpful,
    not_helpful: h.not_helpful,
    deflections: 0,
    published_at: null,
    updated_at: h.updated_at,
    snippet: h.snippet,
    rank: h.rank,
  };
}

export interface Suggestion {
  id: number;
  slug: string;
  url: string;
  title: string;
  category: string;
  sub_category: string | null;
  snippet: string;
}
const suggestion = (h: SearchHit): Suggestion => ({
  id: h.id,
  slug: h.slug,
  url: articleUrl(h.slug),
  title: h.title,
  category: h.category,
  sub_category: h.sub_category,
  snippet: h.snippet,
});

/** Answers while typing: the best published articles the caller may read for a (partial) subject. */
export async function suggestArticles(actor: Actor, q: SuggestionQuery): Promise<{ results: Suggestion[] }> {
  const query = anyWords(q.q);
  if (!query) return { results: [] };
  const { hits } = await searchArticles(
    query,
    { statuses: ['published'], visibilities: readableVisibilities(actor) },
    { limit: q.limit, offset: 0 },
    { boostCategory: q.category },
  );
  return { results: hits.map(suggestion) };
}

/** Suggested articles for a ticket (staff who can see it): its subject and description, its category first. */
export async function ticketSuggestions(actor: Actor, ticketRef: string, limit = 5) {
  const t = await getTicket(actor, ticketRef);
  assertStaff(actor);
  const query = anyWords(`${t.subject} ${t.description.slice(0, 300)}`);
  if (!query) return { ticket_number: t.ticket_number, results: [] as Suggestion[] };
  const { hits } = await searchArticles(
    query,
    { statuses: ['published'], visibilities: readableVisibilities(actor) },
    { limit, offset: 0 },
    { boostCategory: t.category },
  );
  return { ticket_number: t.ticket_number, results: hits.map(suggestion) };
}

/** A new article prefilled from a resolved ticket and its resolution (nothing is saved). */
export async function articleDraftFromTicket(actor: Actor, ticketRef: string) {
  const t = await getTicket(actor, ticketRef);
  assertEditor(actor);
  if (t.status !== 'Resolved' && t.status !== 'Closed') {
    throw conflict('Only a resolved or closed ticket can become an article', 'TICKET_NOT_RESOLVED', { status: t.status });
  }
  const staffReply = [...t.comments].reverse().find((c) => !c.is_internal && c.user_id !== t.employee.id)?.comment;
  const solution = t.resolution_notes?.trim() || staffReply?.trim() || 'Describe the steps that solved it.';
  return {
    title: t.subject,
    body: `## Problem\n\n${t.description.trim()}\n\n## Solution\n\n${solution}\n`,
    department: t.department,
    category: t.category,
    sub_category: t.sub_category,
    tags: [] as string[],
    visibility: 'staff' as Visibility,
    source_ticket_number: t.ticket_number,
  };
}
export type ArticleDraft = Awaited<ReturnType<typeof articleDraftFromTicket>>;

/** Who changed what, newest first (editors). */
export async function listVersions(actor: Actor, ref: string | number) {
  const a = await loadArticle(actor, ref);
  assertEditor(actor);
  const rows = await db.articleVersion.findMany({ where: { articleId: a.id }, orderBy: { version: 'desc' } });
  const names = await usersByIds(rows.map((r) => r.editorId));
  return {
    article_id: a.id,
    current_version: a.version,
    results: rows.map((r) => ({
      version: r.version,
      title: r.title,
      changes: r.changes,
      note: r.note,
      editor: { id: r.editorId, name: names.get(r.editorId)?.name ?? null },
      created_at: r.createdAt.toISOString(),
      is_current: r.version === a.version,
    })),
  };
}

export async function getVersion(actor: Actor, ref: string | number, version: number) {
  const a = await loadArticle(actor, ref);
  assertEditor(actor);
  const v = await db.articleVersion.findUnique({ where: { articleId_version: { articleId: a.id, version } } });
  if (!v) throw notFound('Version', 'VERSION_NOT_FOUND');
  const names = await usersByIds([v.editorId]);
  return {
    article_id: a.id,
    version: v.version,
    title: v.title,
    body: v.body,
    html: renderMarkdown(v.body),
    department: v.department,
    category: v.category,
    sub_category: v.subCategory,
    tags: v.tags,
    visibility: v.visibility as Visibility,
    changes: v.changes,
    note: v.note,
    editor: { id: v.editorId, name: names.get(v.editorId)?.name ?? null },
    created_at: v.createdAt.toISOString(),
  };
}

/** The help desk's catalog with the number of articles the caller can read in each place. */
export async function knowledgeCategories(actor: Actor) {
  const [c, rows] = await Promise.all([
    catalog(),
    db.$queryRaw<{ category: string; sub_category: string | null; n: bigint }[]>`
      SELECT a.category, a.sub_category, count(*) AS n FROM knowledge.articles a
       WHERE a.status = 'published' AND a.visibility = ANY(${readableVisibilities(actor)}::text[])
       GROUP BY 1, 2`,
  ]);
  const count = (cat: string, sub?: string | null) =>
    rows.filter((r) => r.category === cat && (sub === undefined || r.sub_category === sub)).reduce((s, r) => s + Number(r.n), 0);
  const categories = c.categories.map((cat) => ({
    name: cat.name,
    department: cat.department,
    articles: count(cat.name),
    sub_categories: cat.sub_categories.map((s) => ({ name: s, articles: count(cat.name, s) })),
  }));
  return {
    departments: c.departments.map((d) => ({
      name: d,
      articles: categories.filter((x) => x.department === d).reduce((s, x) => s + x.articles, 0),
    })),
    categories,
  };
}

/** Figures for admins: views and deflections per day, totals, most viewed and least helpful articles. */
export async function knowledgeStats(actor: Actor, days = 30) {
  assertKnowledgeAdmin(actor);
  const since = new Date(Date.now() - (days - 1) * 86_400_000);
  since.setUTCHours(0, 0, 0, 0);
  const [byStatus, views, deflections, top, leastHelpful, topDeflecting, votes] = await Promise.all([
    db.article.groupBy({ by: ['status'], _count: { _all: true } }),
    db.$queryRaw<{ day: Date; n: bigint }[]>`
      SELECT day, sum(views) AS n FROM knowledge.article_view_days WHERE day >= ${since}::date GROUP BY day ORDER BY day`,
    db.$queryRaw<{ day: Date; n: bigint }[]>`
      SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n FROM knowledge.deflections
       WHERE created_at >= ${since} GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ id: number; slug: string; title: string; n: bigint }[]>`
      SELECT a.id, a.slug, a.title, sum(v.views) AS n FROM knowledge.article_view_days v
        JOIN knowledge.articles a ON a.id = v.article_id
       WHERE v.day >= ${since}::date GROUP BY a.id ORDER BY n DESC, a.id LIMIT 10`,
    db.$queryRaw<{ id: number; slug: string; title: string; helpful_count: number; not_helpful_count: number }[]>`
      SELECT id, slug, title, helpful_count, not_helpful_count FROM knowledge.articles
       WHERE helpful_count + not_helpful_count > 0 AND status <> 'archived'
       ORDER BY helpful_count::float / (helpful_count + not_helpful_count), not_helpful_count DESC, id LIMIT 10`,
    db.article.findMany({
      where: { deflectionCount: { gt: 0 } },
      orderBy: [{ deflectionCount: 'desc' }, { id: 'asc' }],
      take: 10,
    }),
    db.article.aggregate({ _sum: { helpfulCount: true, notHelpfulCount: true } }),
  ]);
  const series = new Map<string, { day: string; views: number; deflections: number }>();
  for (let i = 0; i < days; i++) {
    const day = new Date(since.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    series.set(day, { day, views: 0, deflections: 0 });
  }
  for (const v of views) {
    const s = series.get(v.day.toISOString().slice(0, 10));
    if (s) s.views = Number(v.n);
  }
  for (const d of deflections) {
    const s = series.get(d.day.toISOString().slice(0, 10));
    if (s) s.deflections = Number(d.n);
  }
  const daily = [...series.values()];
  const statusCount = (s: string) => byStatus.find((b) => b.status === s)?._count._all ?? 0;
  return {
    days,
    since: since.toISOString(),
    totals: {
      published: statusCount('published'),
      drafts: statusCount('draft'),
      archived: statusCount('archived'),
      views: daily.reduce((s, d) => s + d.views, 0),
      deflections: daily.reduce((s, d) => s + d.deflections, 0),
      helpful: votes._sum.helpfulCount ?? 0,
      not_helpful: votes._sum.notHelpfulCount ?? 0,
    },
    daily,
    most_viewed: top.map((r) => ({ id: r.id, slug: r.slug, url: articleUrl(r.slug), title: r.title, views: Number(r.n) })),
    least_helpful: leastHelpful.map((r) => ({
      id: r.id,
      slug: r.slug,
      url: articleUrl(r.slug),
      title: r.title,
      helpful: r.helpful_count,
      not_helpful: r.not_helpful_count,
      helpful_ratio: Math.round((r.helpful_count / (r.helpful_count + r.not_helpful_count)) * 100) / 100,
    })),
    top_deflecting: topDeflecting.map((r) => ({
      id: r.id,
      slug: r.slug,
      url: articleUrl(r.slug),
      title: r.title,
      deflections: r.deflectionCount,
    })),
  };
}

/** The sanitised HTML of a Markdown text (the editor's preview). */
export function previewMarkdown(actor: Actor, body: string) {
  assertEditor(actor);
  return { html: renderMarkdown(body) };
}
