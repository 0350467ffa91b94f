// The success answers of the knowledge API (documented in the OpenAPI document, checked by the contract test).
import { z } from 'zod';
import { pageOutput } from '../pagination';
import { ARTICLE_STATUSES, VISIBILITIES } from './schemas';

const person = z.object({ id: z.number().int(), name: z.string().nullable() });
const place = {
  department: z.string().nullable(),
  category: z.string(),
  sub_category: z.string().nullable(),
};

/** An article as lists and writes answer it (`articleSummary`). */
export const articleSummaryOutput = z.object({
  id: z.number().int(),
  slug: z.string(),
  url: z.string().describe('The portal-neutral address, /kb/{slug}'),
  title: z.string(),
  ...place,
  tags: z.array(z.string()),
  visibility: z.enum(VISIBILITIES),
  status: z.enum(ARTICLE_STATUSES),
  version: z.number().int().describe('0 on a search hit'),
  excerpt: z.string().describe('The first 240 characters of the text; empty on a search hit'),
  views: z.number().int(),
  helpful: z.number().int(),
  not_helpful: z.number().int(),
  deflections: z.number().int(),
  published_at: z.string().nullable(),
  updated_at: z.string(),
});

export const articleListOutput = pageOutput(
  articleSummaryOutput.extend({
    snippet: z.string().nullable().describe('With `q`: HTML whose only tag is <mark> around the matched words'),
    rank: z.number().nullable(),
  }),
  {
    match: z.enum(['all', 'any']).optional().describe('With `q`: every word matched, or (none did) any word in titles and tags'),
    count_capped: z.boolean().optional().describe('With `q`: more matches may exist than counted'),
  },
);

const related = z.object({
  id: z.number().int(),
  slug: z.string(),
  title: z.string(),
  category: z.string(),
  sub_category: z.string().nullable(),
  url: z.string(),
});

export const articleDetailOutput = articleSummaryOutput.extend({
  body: z.string().describe('Markdown source'),
  html: z.string().describe('Sanitised HTML'),
  breadcrumbs: z.array(z.string()),
  author: person,
  updated_by: person,
  created_at: z.string(),
  archived_at: z.string().nullable(),
  source_ticket_number: z.string().nullable().describe('Editors only: the ticket this article was drafted from'),
  /** A union with null: OpenAPI 3.0 lets null through an enum only when the enum lists it. */
  my_feedback: z.union([z.enum(['helpful', 'not_helpful']), z.null()]),
  related: z.array(related),
  can_edit: z.boolean(),
  can_recategorize: z.boolean(),
});

export const feedbackOutput = z.object({
  article_id: z.number().int(),
  my_feedback: z.enum(['helpful', 'not_helpful']),
  helpful: z.number().int(),
  not_helpful: z.number().int(),
});

export const viewCountOutput = z.object({ article_id: z.number().int(), views: z.number().int() });

export const versionListOutput = z.object({
  article_id: z.number().int(),
  current_version: z.number().int(),
  results: z.array(
    z.object({
      version: z.number().int(),
      title: z.string(),
      changes: z.array(z.string()).describe('The API names of the fields this version changed, or created'),
      note: z.string().nullable(),
      editor: person,
      created_at: z.string(),
      is_current: z.boolean(),
    }),
  ),
});

export const versionOutput = z.object({
  article_id: z.number().int(),
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  html: z.string(),
  ...place,
  tags: z.array(z.string()),
  visibility: z.enum(VISIBILITIES),
  changes: z.array(z.string()),
  note: z.string().nullable(),
  editor: person,
  created_at: z.string(),
});

const counted = { name: z.string(), articles: z.number().int() };
export const knowledgeCategoriesOutput = z.object({
  departments: z.array(z.object(counted)),
  categories: z.array(z.object({ ...counted, department: z.string().nullable(), sub_categories: z.array(z.object(counted)) })),
});

export const deflectionOutput = z.object({
  attempt_id: z.string(),
  article_id: z.number().int(),
  created: z.boolean().describe('This call recorded it (201); false when the attempt was recorded already (200)'),
  created_at: z.string(),
});

export const previewOutput = z.object({ html: z.string() });

const articleRef = { id: z.number().int(), slug: z.string(), url: z.string(), title: z.string() };
export const knowledgeStatsOutput = z.object({
  days: z.number().int(),
  since: z.string(),
  totals: z.object({
    published: z.number().int(),
    drafts: z.number().int(),
    archived: z.number().int(),
    views: z.number().int(),
    deflections: z.number().int(),
    helpful: z.number().int(),
    not_helpful: z.number().int(),
  }),
  daily: z.array(z.object({ day: z.string(), views: z.number().int(), deflections: z.number().int() })),
  most_viewed: z.array(z.object({ ...articleRef, views: z.number().int() })),
  least_helpful: z.array(
    z.object({ ...articleRef, helpful: z.number().int(), not_helpful: z.number().int(), helpful_ratio: z.number() }),
  ),
  top_deflecting: z.array(z.object({ ...articleRef, deflections: z.number().int() })),
});

const suggestion = z.object({
  id: z.number().int(),
  slug: z.string(),
  url: z.string(),
  title: z.string(),
  category: z.string(),
  sub_category: z.string().nullable(),
  snippet: z.string(),
});
export const suggestionsOutput = z.object({ results: z.array(suggestion) });
export const ticketSuggestionsOutput = z.object({ ticket_number: z.string(), results: z.array(suggestion) });

export const articleDraftOutput = z.object({
  title: z.string(),
  body: z.string(),
  ...place,
  tags: z.array(z.string()),
  visibility: z.enum(VISIBILITIES),
  source_ticket_number: z.string(),
});
