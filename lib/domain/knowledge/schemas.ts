import { z } from 'zod';
import { pageQuery } from '../pagination';

export const VISIBILITIES = ['everyone', 'staff'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const ARTICLE_STATUSES = ['draft', 'published', 'archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** Limits of an article (the API refuses more with a 400 naming the field). */
export const MAX_TITLE = 200;
export const MAX_BODY = 100_000;
export const MAX_TAGS = 10;

const required = 'This field is required';
const title = z
  .string({ error: required })
  .trim()
  .min(1, 'Give the article a title')
  .max(MAX_TITLE, `A title has at most ${MAX_TITLE} characters`);
const body = z
  .string({ error: required })
  .max(MAX_BODY, `The body has at most ${MAX_BODY.toLocaleString('en-US')} characters`)
  .refine((v) => v.trim().length > 0, 'Write the article body');
const catalogValue = z
  .string()
  .trim()
  .max(64)
  .nullish()
  .transform((v) => v || null);
const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'A tag may not be blank')
  .max(40, 'A tag has at most 40 characters')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._+#-]*$/u, 'Tags use letters, digits, spaces and . _ + # -');
/** Tags as a list, or one comma-separated text (the form's input); duplicates are dropped. */
const tags = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').filter((t) => t.trim()) : v),
  z
    .array(tag)
    .max(MAX_TAGS, `At most ${MAX_TAGS} tags`)
    .transform((list) => [...new Set(list)]),
);
const ticketNumber = z.string().regex(/^TX\d{14}$/, 'Not a ticket number');

/** A new article (always saved as a draft). Category etc. must be values of the help desk's catalog. */
export const articleCreateInput = z.object({
  title,
  body,
  category: z.string({ error: required }).trim().min(1, 'Choose a category').max(64),
  sub_category: catalogValue,
  department: catalogValue,
  tags: tags.default([]),
  visibility: z.enum(VISIBILITIES, { error: 'Visibility is everyone or staff' }).default('everyone'),
  source_ticket_number: ticketNumber.nullish().transform((v) => v ?? null),
  change_note: z.string().trim().max(500).nullish(),
});
export type ArticleCreateInput = z.infer<typeof articleCreateInput>;

/** A change of content; `expected_version` guards against overwriting someone else's newer save (409). */
export const articleUpdateInput = z
  .object({
    title: title.optional(),
    body: body.optional(),
    category: z.string().trim().min(1, 'Choose a category').max(64).optional(),
    sub_category: catalogValue.optional(),
    department: catalogValue.optional(),
    tags: tags.optional(),
    visibility: z.enum(VISIBILITIES, { error: 'Visibility is everyone or staff' }).optional(),
    change_note: z.string().trim().max(500).nullish(),
    expected_version: z.number().int().positive().optional(),
  })
  .strict();
export type ArticleUpdateInput = z.infer<typeof articleUpdateInput>;

export const articleStatusInput = z.object({
  status: z.enum(ARTICLE_STATUSES, { error: 'Status is draft, published or archived' }),
});

export const feedbackInput = z.object({ helpful: z.boolean({ error: 'helpful is true or false' }) });

/** One submit attempt of the form (a random id the browser makes when the form opens). */
const attemptId = z
  .string()
  .trim()
  .min(8, 'An attempt id has 8 to 64 characters')
  .max(64, 'An attempt id has 8 to 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'Letters, digits, _ and - only');

export const deflectionInput = z.object({
  attempt_id: attemptId,
  article_id: z.number({ error: required }).int().positive(),
  query: z.string().trim().max(255).nullish(),
});
export type DeflectionInput = z.infer<typeof deflectionInput>;
export const deflectionParam = z.object({ attempt: attemptId });

export const previewInput = z.object({ body: z.string().max(MAX_BODY, `The body has at most ${MAX_BODY} characters`) });

const many = z.preprocess(
  (v) => (v === undefined ? undefined : Array.isArray(v) ? v : String(v).split(',').filter(Boolean)),
  z.array(z.enum(ARTICLE_STATUSES)).optional(),
);

export const articleListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  department: z.string().trim().max(64).optional(),
  category: z.string().trim().max(64).optional(),
  sub_category: z.string().trim().max(64).optional(),
  tag: z.string().trim().toLowerCase().max(40).optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  /** Editors may list drafts and archived articles; everyone else sees published ones only. */
  status: many,
  sort: z.enum(['relevance', 'updated', 'views', 'title']).optional(),
});
export type ArticleListQuery = z.infer<typeof articleListQuery>;

export const suggestionQuery = z.object({
  q: z.string().trim().max(255).default(''),
  category: z.string().trim().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(10).default(5),
});
export type SuggestionQuery = z.infer<typeof suggestionQuery>;

/** An article by id or by slug. */
export const articleParam = z.object({
  id: z.string().regex(/^(\d{1,9}|[a-z0-9]+(?:-[a-z0-9]+)*)$/, 'Not an article id or slug'),
});
export const versionParam = articleParam.extend({ version: z.coerce.number().int().positive().max(1_000_000) });
export const ticketRefParam = z.object({ id: z.string().regex(/^(\d{1,9}|TX\d{14})$/, 'Not a ticket id or number') });
export const statsQuery = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) });
