import type { Prisma } from '@/lib/generated/prisma/client';
import { db, type Tx, transaction } from '@/lib/server/db';
import type { Actor } from '../actor';
import { writeAudit } from '../audit';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../errors';
import { canSubmitTicket } from '../helpdesk/policy';
import { catalog, getTicket } from '../helpdesk/queries';
import { plainText, slugify } from './markdown';
import { ARTICLE_TRANSITIONS, assertCanRecategorize, assertEditor } from './policy';
import { articleSummary, loadArticle } from './queries';
import type { ArticleCreateInput, ArticleStatus, ArticleUpdateInput, DeflectionInput, Visibility } from './schemas';

type ArticleRow = Prisma.ArticleGetPayload<object>;

interface Content {
  title: string;
  body: string;
  department: string | null;
  category: string;
  subCategory: string | null;
  tags: string[];
  visibility: Visibility;
}
const CONTENT_FIELDS: [keyof Content, string][] = [
  ['title', 'title'],
  ['body', 'body'],
  ['department', 'department'],
  ['category', 'category'],
  ['subCategory', 'sub_category'],
  ['tags', 'tags'],
  ['visibility', 'visibility'],
];

const contentOf = (a: ArticleRow): Content => ({
  title: a.title,
  body: a.body,
  department: a.department,
  category: a.category,
  subCategory: a.subCategory,
  tags: a.tags,
  visibility: a.visibility as Visibility,
});

/** The API names of the fields that differ. */
function changedFields(before: Content, after: Content): string[] {
  return CONTENT_FIELDS.filter(([k]) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map(([, name]) => name);
}

/**
 * Category, sub-category and department are values of the help desk's catalog (read through its query, never
 * its tables): an unknown one is a 400 naming the field. The department follows from the category when not given.
 */
async function checkCatalog(c: { category: string; subCategory: string | null; department: string | null }) {
  const { categories, departments } = await catalog();
  const errors: Record<string, string[]> = {};
  const category = categories.find((x) => x.name === c.category);
  let department = c.department;
  if (!category) errors.category = [`"${c.category}" is not a category of the catalog`];
  else {
    if (c.subCategory && !category.sub_categories.includes(c.subCategory)) {
      errors.sub_category = [`"${c.subCategory}" is not a sub-category of ${category.name}`];
    }
    if (department && !departments.includes(department)) errors.department = [`"${department}" is not a department`];
    else if (department && category.department && department !== category.department) {
      errors.department = [`${category.name} belongs to ${category.department}`];
    }
    department = department ?? category.department;
  }
  if (Object.keys(errors).length) throw validationFailed(errors);
  return department;
}

/** An article stays where it is filed even once admins retire that place; only a move is checked. */
function catalogPlaceChanged(a: Pick<Content, 'category' | 'subCategory' | 'department'>, next: Content) {
  return next.category !== a.category || next.subCategory !== a.subCategory || next.department !== a.department;
}

async function uniqueSlug(title: string): Promise<string> {
  const base = slugify(title);
  const taken = new Set(
    (await db.article.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((r) => r.slug),
  );
  // "new" is the editor's page (/…/knowledge/new), so no article may have it
  if (base === 'new') taken.add(base);
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === 'P2002';

async function saveVersion(
  tx: Tx,
  articleId: number,
  version: number,
  c: Content,
  editorId: number,
  changes: string[],
  note?: string | null,
) {
  await tx.articleVersion.create({
    data: {
      articleId,
      version,
      title: c.title,
      body: c.body,
      department: c.department,
      category: c.category,
      subCategory: c.subCategory,
      tags: c.tags,
      visibility: c.visibility,
      changes,
      note: note ?? null,
      editorId,
    },
  });
}

/** A new article, saved as a draft with version 1. */
export async function createArticle(actor: Actor, input: ArticleCreateInput) {
  assertEditor(actor);
  const department = await checkCatalog({
    category: input.category,
    subCategory: input.sub_category,
    department: input.department,
  });
  if (input.source_ticket_number) {
    await getTicket(actor, input.source_ticket_number).catch((e) => {
      if (e instanceof AppError && e.status === 404) {
        throw validationFailed({ source_ticket_number: ['No such ticket'] });
      }
      throw e;
    });
  }
  const content: Content = {
    title: input.title,
    body: input.body,
    department,
    category: input.category,
    subCategory: input.sub_category,
    tags: input.tags,
    visibility: input.visibility,
  };
  for (let attempt = 0; ; attempt++) {
    const slug = attempt === 0 ? await uniqueSlug(input.title) : `${slugify(input.title)}-${Date.now().toString(36)}${attempt}`;
    try {
      const a = await transaction(async (tx) => {
        const row = await tx.article.create({
          data: {
            slug,
            ...content,
            bodyText: plainText(content.body),
            status: 'draft',
            version: 1,
            authorId: actor.id,
            updatedById: actor.id,
            sourceTicketNumber: input.source_ticket_number,
          },
        });
        await saveVersion(tx, row.id, 1, content, actor.id, ['created'], input.change_note);
        await writeAudit(tx, actor, {
          context: 'knowledge',
          action: 'article_created',
          entityType: 'article',
          entityId: row.id,
          newValues: { slug, title: content.title, category: content.category, visibility: content.visibility },
        });
        return row;
      });
      return articleSummary(a);
    } catch (e) {
      if (isUniqueViolation(e) && attempt < 3) continue;
      throw e;
    }
  }
}

/**
 * Apply new content as the next version. Nothing changes (and no version is added) when the content is the
 * same. `expectedVersion` refuses to overwrite a version saved meanwhile (409 VERSION_CONFLICT).
 */
async function applyContent(
  actor: Actor,
  a: ArticleRow,
  next: Content,
  meta: { note?: string | null; expectedVersion?: number; action: string; restoredFrom?: number },
) {
  if (meta.expectedVersion !== undefined && meta.expectedVersion !== a.version) {
    throw conflict('Someone saved a newer version of this article: reload it and apply your change again', 'VERSION_CONFLICT', {
      current_version: a.version,
    });
  }
  const before = contentOf(a);
  const changes = changedFields(before, next);
  if (!changes.length) return articleSummary(a);
  if (changes.some((f) => f === 'category' || f === 'sub_category' || f === 'department' || f === 'visibility')) {
    assertCanRecategorize(actor, a);
  }
  const updated = await transaction(async (tx) => {
    const version = a.version + 1;
    const { count } = await tx.article.updateMany({
      where: { id: a.id, version: a.version },
      data: { ...next, bodyText: plainText(next.body), version, updatedById: actor.id },
    });
    if (!count) {
      throw conflict('Someone saved a newer version of this article: reload it and apply your change again', 'VERSION_CONFLICT');
    }
    const note = meta.note ?? (meta.restoredFrom ? `Restored version ${meta.restoredFrom}` : null);
    await saveVersion(tx, a.id, version, next, actor.id, changes, note);
    await writeAudit(tx, actor, {
      context: 'knowledge',
      action: meta.action,
      entityType: 'article',
      entityId: a.id,
      oldValues: {
        version: a.version,
        ...Object.fromEntries(changes.filter((c) => c !== 'body').map((c) => [c, pick(before, c)])),
      },
      newValues: { version, changes, ...Object.fromEntries(changes.filter((c) => c !== 'body').map((c) => [c, pick(next, c)])) },
    });
    return tx.article.findUniqueOrThrow({ where: { id: a.id } });
  });
  return articleSummary(updated);
}

const pick = (c: Content, apiName: string) => c[(CONTENT_FIELDS.find(([, n]) => n === apiName)?.[0] ?? 'title') as keyof Content];

export async function updateArticle(actor: Actor, ref: string | number, input: ArticleUpdateInput) {
  const a = await loadArticle(actor, ref);
  assertEditor(actor);
  const category = input.category ?? a.category;
  const categoryChanged = category !== a.category;
  const next: Content = {
    title: input.title ?? a.title,
    body: input.body ?? a.body,
    category,
    // a new category drops a sub-category and department that belonged to the old one, unless given
    subCategory: input.sub_category !== undefined ? input.sub_category : categoryChanged ? null : a.subCategory,
    department: input.department !== undefined ? input.department : categoryChanged ? null : a.department,
    tags: input.tags ?? a.tags,
    visibility: input.visibility ?? (a.visibility as Visibility),
  };
  if (catalogPlaceChanged(a, next)) next.department = await checkCatalog(next);
  return applyContent(actor, a, next, {
    note: input.change_note,
    expectedVersion: input.expected_version,
    action: 'article_updated',
  });
}

/** Restore an earlier version's content as a new version (history is never rewritten). */
export async function restoreVersion(actor: Actor, ref: string | number, version: number) {
  const a = await loadArticle(actor, ref);
  assertEditor(actor);
  const v = await db.articleVersion.findUnique({ where: { articleId_version: { articleId: a.id, version } } });
  if (!v) throw notFound('Version', 'VERSION_NOT_FOUND');
  const next: Content = {
    title: v.title,
    body: v.body,
    department: v.department,
    category: v.category,
    subCategory: v.subCategory,
    tags: v.tags,
    visibility: v.visibility as Visibility,
  };
  if (catalogPlaceChanged(a, next)) next.department = await checkCatalog(next);
  return applyContent(actor, a, next, { action: 'article_version_restored', restoredFrom: version });
}

export async function changeArticleStatus(actor: Actor, ref: string | number, status: ArticleStatus) {
  const a = await loadArticle(actor, ref);
  assertEditor(actor);
  const from = a.status as ArticleStatus;
  if (from === status) return articleSummary(a);
  const allowed = ARTICLE_TRANSITIONS[from] ?? [];
  if (!allowed.includes(status)) {
    throw new AppError(400, 'INVALID_STATUS_TRANSITION', `An article cannot go from ${from} to ${status}`, {
      current_status: from,
      requested_status: status,
      allowed_transitions: allowed,
    });
  }
  const now = new Date();
  const updated = await transaction(async (tx) => {
    const row = await tx.article.update({
      where: { id: a.id },
      data: {
        status,
        updatedById: actor.id,
        ...(status === 'published' ? { publishedAt: a.publishedAt ?? now, archivedAt: null } : {}),
        ...(status === 'archived' ? { archivedAt: now } : {}),
        ...(status === 'draft' ? { archivedAt: null } : {}),
      },
    });
    await writeAudit(tx, actor, {
      context: 'knowledge',
      action: `article_${status}`,
      entityType: 'article',
      entityId: a.id,
      oldValues: { status: from },
      newValues: { status },
    });
    return row;
  });
  return articleSummary(updated);
}

/** A reader's helpful / not helpful vote (one per reader; a new vote replaces the old one). */
export async function recordFeedback(actor: Actor, ref: string | number, helpful: boolean) {
  const a = await loadArticle(actor, ref);
  if (a.status !== 'published') throw conflict('Only published articles take feedback', 'ARTICLE_NOT_PUBLISHED');
  const counts = await transaction(async (tx) => {
    await tx.articleFeedback.upsert({
      where: { articleId_userId: { articleId: a.id, userId: actor.id } },
      create: { articleId: a.id, userId: actor.id, helpful },
      update: { helpful },
    });
    // recounted from the votes, so counters stay exact whatever happened before
    const [row] = await tx.$queryRaw<{ helpful: number; not_helpful: number }[]>`
      UPDATE knowledge.articles a SET
             helpful_count = (SELECT count(*) FROM knowledge.article_feedback f WHERE f.article_id = a.id AND f.helpful),
             not_helpful_count = (SELECT count(*) FROM knowledge.article_feedback f WHERE f.article_id = a.id AND NOT f.helpful)
       WHERE a.id = ${a.id}
   RETURNING a.helpful_count AS helpful, a.not_helpful_count AS not_helpful`;
    await writeAudit(tx, actor, {
      context: 'knowledge',
      action: 'article_feedback',
      entityType: 'article',
      entityId: a.id,
      newValues: { helpful },
    });
    return row;
  });
  return { article_id: a.id, my_feedback: helpful ? 'helpful' : 'not_helpful', ...counts };
}

/**
 * A reader opened the article. A counter and a per-day row for the figures; no audit row (reading changes no
 * state anyone acts on, and would flood the log).
 */
export async function recordView(actor: Actor, ref: string | number) {
  const a = await loadArticle(actor, ref);
  if (a.status !== 'published') return { article_id: a.id, views: a.viewCount };
  const views = await transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ view_count: number }[]>`
      UPDATE knowledge.articles SET view_count = view_count + 1 WHERE id = ${a.id} RETURNING view_count`;
    await tx.$executeRaw`
      INSERT INTO knowledge.article_view_days (article_id, day, views) VALUES (${a.id}, (now() AT TIME ZONE 'UTC')::date, 1)
      ON CONFLICT (article_id, day) DO UPDATE SET views = knowledge.article_view_days.views + 1`;
    return row.view_count;
  });
  return { article_id: a.id, views };
}

/**
 * "This solved my problem" on the submit form: recorded once per submit attempt (the browser's attempt id;
 * the first article of an attempt counts). `created` tells whether this call recorded it.
 */
export async function recordDeflection(actor: Actor, input: DeflectionInput) {
  if (!canSubmitTicket(actor)) throw forbidden('Only people who submit tickets record deflections');
  const a = await loadArticle(actor, input.article_id);
  if (a.status !== 'published') throw notFound('Article', 'ARTICLE_NOT_FOUND');
  const existing = await db.deflection.findUnique({ where: { attemptId: input.attempt_id } });
  const dto = (d: { attemptId: string; articleId: number; createdAt: Date }, created: boolean) => ({
    attempt_id: d.attemptId,
    article_id: d.articleId,
    created,
    created_at: d.createdAt.toISOString(),
  });
  if (existing) {
    if (existing.userId !== actor.id) throw conflict('This attempt id is taken', 'ATTEMPT_TAKEN');
    return dto(existing, false);
  }
  try {
    const d = await transaction(async (tx) => {
      const row = await tx.deflection.create({
        data: { attemptId: input.attempt_id, articleId: a.id, userId: actor.id, query: input.query ?? null },
      });
      await tx.article.update({ where: { id: a.id }, data: { deflectionCount: { increment: 1 } } });
      await writeAudit(tx, actor, {
        context: 'knowledge',
        action: 'deflection_recorded',
        entityType: 'article',
        entityId: a.id,
        newValues: { attempt_id: input.attempt_id, query: input.query ?? null },
      });
      return row;
    });
    return dto(d, true);
  } catch (e) {
    // the same attempt sent twice at once: the other request recorded it
    if (!isUniqueViolation(e)) throw e;
    const d = await db.deflection.findUniqueOrThrow({ where: { attemptId: input.attempt_id } });
    if (d.userId !== actor.id) throw conflict('This attempt id is taken', 'ATTEMPT_TAKEN');
    return dto(d, false);
  }
}

/**
 * "I still need help" after "This solved my problem": the answer did not solve it after all, so the attempt's
 * deflection is taken back (the row and the article's count) and the employee goes on to submit. Only its own
 * attempt: another person's, or one never recorded, does not exist for the caller (404).
 */
export async function withdrawDeflection(actor: Actor, attemptId: string) {
  await transaction(async (tx) => {
    const [d] = await tx.$queryRaw<{ article_id: number; user_id: number }[]>`
      SELECT article_id, user_id FROM knowledge.deflections WHERE attempt_id = ${attemptId} FOR UPDATE`;
    if (!d || d.user_id !== actor.id) throw notFound('Deflection', 'DEFLECTION_NOT_FOUND');
    await tx.deflection.delete({ where: { attemptId } });
    await tx.article.update({ where: { id: d.article_id }, data: { deflectionCount: { decrement: 1 } } });
    await writeAudit(tx, actor, {
      context: 'knowledge',
      action: 'deflection_withdrawn',
      entityType: 'article',
      entityId: d.article_id,
      oldValues: { attempt_id: attemptId },
    });
  });
}
