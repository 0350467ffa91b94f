import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { MARK_END, MARK_START, snippetHtml } from './markdown';
import type { ArticleStatus, Visibility } from './schemas';

/**
 * PostgreSQL full-text search over `knowledge.articles.search` (a stored generated tsvector: title weight A,
 * tags B, body C; GIN index). Every query carries the caller's visibility and status filter in SQL, so no path
 * can return an article the caller may not read. Snippets come from ts_headline on the plain-text body, computed
 * only for the page of results.
 */
export interface SearchFilter {
  visibilities: Visibility[];
  statuses: ArticleStatus[];
  department?: string;
  category?: string;
  subCategory?: string;
  tag?: string;
  excludeId?: number;
}

export interface SearchHit {
  id: number;
  slug: string;
  title: string;
  department: string | null;
  category: string;
  sub_category: string | null;
  tags: string[];
  visibility: Visibility;
  status: ArticleStatus;
  rank: number;
  /** HTML whose only tag is <mark> around the matched words. */
  snippet: string;
  updated_at: string;
  views: number;
  helpful: number;
  not_helpful: number;
}

const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=28, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`;

export function filterSql(f: SearchFilter): Prisma.Sql {
  const parts = [Prisma.sql`a.status = ANY(${f.statuses}::text[])`, Prisma.sql`a.visibility = ANY(${f.visibilities}::text[])`];
  if (f.department) parts.push(Prisma.sql`a.department = ${f.department}`);
  if (f.category) parts.push(Prisma.sql`a.category = ${f.category}`);
  if (f.subCategory) parts.push(Prisma.sql`a.sub_category = ${f.subCategory}`);
  if (f.tag) parts.push(Prisma.sql`a.tags @> ARRAY[${f.tag}]::text[]`);
  if (f.excludeId) parts.push(Prisma.sql`a.id <> ${f.excludeId}`);
  return Prisma.join(parts, ' AND ');
}

/** Words of a free text, for building queries: letters and digits only (nothing reaches tsquery syntax). */
export function words(text: string, max = 16): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1 || /\d/.test(w)).slice(0, max);
}

/** Search-box semantics: websearch_to_tsquery ("quotes", or, -not), all words must match. */
export const websearch = (q: string) => Prisma.sql`websearch_to_tsquery('english', ${q})`;

/**
 * Answers-while-typing semantics: any of the words (ranked by how many and where they match), the last word
 * also as a prefix, since it may still be being typed.
 */
export function anyWords(text: string): Prisma.Sql | null {
  const w = words(text);
  if (!w.length) return null;
  const last = w[w.length - 1];
  const rest = w.join(' ');
  return Prisma.sql`(replace(plainto_tsquery('english', ${rest})::text, ' & ', ' | ')::tsquery || to_tsquery('english', ${`${last}:*`}))`;
}

interface Row {
  id: number;
  slug: string;
  title: string;
  department: string | null;
  category: string;
  sub_category: string | null;
  tags: string[];
  visibility: Visibility;
  status: ArticleStatus;
  rank: number;
  snippet: string | null;
  updated_at: Date;
  view_count: number;
  helpful_count: number;
  not_helpful_count: number;
  total: bigint;
}

/** Matches ranked per search, at most: the title/tag matches first, then any others (see searchArticles). */
export const CANDIDATES = { title: 300, any: 1000 };
/** Counting stops here: "1,000+ articles" is as useful as the exact figure, and costs a bounded scan. */
export const COUNT_CAP = 1000;

/**
 * One page of ranked matches and the number of all matches (one statement). The work is bounded whatever the
 * query: ranking reads the tsvector of each candidate, so it ranks at most CANDIDATES — every article matching in
 * its title or tags (the strongest, from the title index) up to 300, plus up to 1,000 matches from the full index —
 * and counts up to COUNT_CAP. A broad query (half the base matches "laptop") therefore costs about what a narrow
 * one does; a body-only match beyond the first 1,000 found can be missed, which is the price. `boostCategory` ranks
 * articles of that category higher (a ticket's own category).
 */
export async function searchArticles(
  query: Prisma.Sql,
  filter: SearchFilter,
  page: { limit: number; offset: number },
  boostCategory?: string | null,
): Promise<{ count: number; capped: boolean; hits: SearchHit[] }> {
  const rank = boostCategory
    ? Prisma.sql`ts_rank(a.search, q.q) * (CASE WHEN a.category = ${boostCategory} THEN 1.5 ELSE 1 END)`
    : Prisma.sql`ts_rank(a.search, q.q)`;
  const where = filterSql(filter);
  const rows = await db.$queryRaw<Row[]>`
    WITH q AS (SELECT ${query} AS q),
    cand AS (
      (SELECT a.id FROM knowledge.articles a, q WHERE a.title_search @@ q.q AND ${where} LIMIT ${CANDIDATES.title})
      UNION
      (SELECT a.id FROM knowledge.articles a, q WHERE a.search @@ q.q AND ${where} LIMIT ${CANDIDATES.any})
    ),
    ranked AS (
      SELECT a.id, ${rank} AS rank
        FROM cand JOIN knowledge.articles a ON a.id = cand.id, q
       ORDER BY rank DESC, a.id DESC
       LIMIT ${page.limit} OFFSET ${page.offset}
    ),
    total AS (
      SELECT count(*) AS n FROM (SELECT 1 FROM knowledge.articles a, q WHERE a.search @@ q.q AND ${where} LIMIT ${COUNT_CAP}) x
    )
    SELECT a.id, a.slug, a.title, a.department, a.category, a.sub_category, a.tags, a.visibility, a.status,
           r.rank::float8 AS rank, (SELECT n FROM total) AS total, a.updated_at, a.view_count, a.helpful_count,
           a.not_helpful_count, ts_headline('english', a.body_text, q.q, ${HEADLINE}) AS snippet
      FROM ranked r JOIN knowledge.articles a ON a.id = r.id, q
     ORDER BY r.rank DESC, a.id DESC`;
  let count = rows.length ? Number(rows[0].total) : 0;
  if (!rows.length && page.offset > 0) {
    const c = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (SELECT 1 FROM knowledge.articles a, (SELECT ${query} AS q) q
                                  WHERE a.search @@ q.q AND ${where} LIMIT ${COUNT_CAP}) x`;
    count = Number(c[0].n);
  }
  return {
    count,
    capped: count >= COUNT_CAP,
    hits: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      department: r.department,
      category: r.category,
      sub_category: r.sub_category,
      tags: r.tags,
      visibility: r.visibility,
      status: r.status,
      rank: Math.round(r.rank * 10000) / 10000,
      snippet: snippetHtml(r.snippet),
      updated_at: r.updated_at.toISOString(),
      views: r.view_count,
      helpful: r.helpful_count,
      not_helpful: r.not_helpful_count,
    })),
  };
}
