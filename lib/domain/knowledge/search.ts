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
  capped: boolean;
}

/** Matches ranked per search, at most: the title/tag matches first, then any others (see searchArticles). */
export const CANDIDATES = { title: 300, any: 1000 };
/** Counting stops here: "1,000+ articles" is as useful as the exact figure, and costs a bounded scan. */
export const COUNT_CAP = CANDIDATES.any;
/**
 * Phrases ("access point", and hyphenated words such as wi-fi) are checked word positions by word positions on
 * each article the index finds with all the words, which costs a read of its tsvector: at most this many.
 */
export const PHRASE_CHECKS = 2000;

export interface SearchOptions {
  /** Ranks articles of this category higher (a ticket's own category). */
  boostCategory?: string | null;
  /**
   * Where candidates come from: `everywhere` (titles, tags and bodies) or `titles` (titles and tags only). A
   * query of any-of-the-words uses `titles` when no article has them all: one common word in a body ("home",
   * "update") matches half the base and would be noise, and scanning its posting list is the dominant cost.
   */
  match?: 'everywhere' | 'titles';
}

/**
 * The matches of a query, as CTEs `q` (the query) and `matches` (ids, at most COUNT_CAP; MATERIALIZED, so the
 * page's candidates and the count share one scan), and an SQL boolean `capped` (more may exist than counted).
 * Everywhere: the full index finds the articles with all the words (exact, no per-row check), then the phrase
 * operators are checked on at most PHRASE_CHECKS of them; for a query without phrases the two are the same rows.
 */
function matchesSql(query: Prisma.Sql, where: Prisma.Sql, match: 'everywhere' | 'titles') {
  if (match === 'titles') {
    return {
      ctes: Prisma.sql`q AS (SELECT ${query} AS q),
        matches AS MATERIALIZED (SELECT a.id FROM knowledge.articles a, q WHERE a.title_search @@ q.q AND ${where} LIMIT ${CANDIDATES.title})`,
      capped: Prisma.sql`((SELECT count(*) FROM matches) >= ${CANDIDATES.title})`,
    };
  }
  return {
    ctes: Prisma.sql`q AS (SELECT ${query} AS q),
      words AS (SELECT regexp_replace(q.q::text, '<(\d+|-)>', '&', 'g')::tsquery AS q FROM q),
      checked AS MATERIALIZED (
        SELECT a.id, a.search FROM knowledge.articles a, words WHERE a.search @@ words.q AND ${where} LIMIT ${PHRASE_CHECKS}
      ),
      matches AS MATERIALIZED (SELECT c.id FROM checked c, q WHERE c.search @@ q.q LIMIT ${COUNT_CAP})`,
    // CASE evaluates the second count only when the first does not decide, so a broad query reads no further.
    capped: Prisma.sql`(CASE WHEN (SELECT count(*) FROM matches) >= ${COUNT_CAP} THEN true
                             ELSE (SELECT count(*) FROM checked) >= ${PHRASE_CHECKS} END)`,
  };
}

/**
 * One page of ranked matches and the number of all matches (one statement). The work is bounded whatever the
 * query: ranking reads the tsvector of each candidate, so it ranks at most CANDIDATES — every article matching in
 * its title or tags (the strongest, from the title index) up to 300, plus up to 1,000 matches from the full index —
 * and the count is those 1,000 (COUNT_CAP). A broad query (half the base matches "laptop") therefore costs about
 * what a narrow one does; a body-only match beyond the first 1,000 found can be missed, which is the price, and
 * the count is then marked capped ("1,000+").
 */
export async function searchArticles(
  query: Prisma.Sql,
  filter: SearchFilter,
  page: { limit: number; offset: number },
  { boostCategory, match = 'everywhere' }: SearchOptions = {},
): Promise<{ count: number; capped: boolean; hits: SearchHit[] }> {
  const rank = boostCategory
    ? Prisma.sql`ts_rank(a.search, q.q) * (CASE WHEN a.category = ${boostCategory} THEN 1.5 ELSE 1 END)`
    : Prisma.sql`ts_rank(a.search, q.q)`;
  const where = filterSql(filter);
  const { ctes, capped } = matchesSql(query, where, match);
  // In `titles` mode the matches are the title candidates already.
  const candidates =
    match === 'titles'
      ? Prisma.sql`SELECT id FROM matches`
      : Prisma.sql`(SELECT a.id FROM knowledge.articles a, q WHERE a.title_search @@ q.q AND ${where} LIMIT ${CANDIDATES.title})
                   UNION (SELECT id FROM matches)`;
  const rows = await db.$queryRaw<Row[]>`
    WITH ${ctes},
    cand AS (${candidates}),
    ranked AS (
      SELECT a.id, ${rank} AS rank
        FROM cand JOIN knowledge.articles a ON a.id = cand.id, q
       ORDER BY rank DESC, a.id DESC
       LIMIT ${page.limit} OFFSET ${page.offset}
    )
    SELECT a.id, a.slug, a.title, a.department, a.category, a.sub_category, a.tags, a.visibility, a.status,
           r.rank::float8 AS rank, (SELECT count(*) FROM matches) AS total, ${capped} AS capped, a.updated_at,
           a.view_count, a.helpful_count, a.not_helpful_count,
           ts_headline('english', a.body_text, q.q, ${HEADLINE}) AS snippet
      FROM ranked r JOIN knowledge.articles a ON a.id = r.id, q
     ORDER BY r.rank DESC, a.id DESC`;
  let count = rows.length ? Number(rows[0].total) : 0;
  let isCapped = rows.length ? rows[0].capped : false;
  if (!rows.length && page.offset > 0) {
    const c = await db.$queryRaw<{ n: bigint; capped: boolean }[]>`
      WITH ${ctes} SELECT (SELECT count(*) FROM matches) AS n, ${capped} AS capped`;
    count = Number(c[0].n);
    isCapped = c[0].capped;
  }
  return {
    count,
    capped: isCapped,
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
