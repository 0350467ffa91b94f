import { type Actor, hasRole, isAgent, isAnyAdmin, isCoordinator, isHdtsAdmin } from '../actor';
import { forbidden, notFound } from '../errors';
import type { ArticleStatus, Visibility } from './schemas';

/**
 * Who may do what with knowledge articles.
 * - Readers: every signed-in user. Employees read published articles for everyone; staff (coordinators,
 *   agents, admins, editors) also read staff-only ones.
 * - Editors: holders of the HDTS role "Knowledge Editor" and HDTS admins. They write drafts, publish, archive
 *   and restore versions, and see drafts and archived articles.
 * - Admins (HDTS): change the category or visibility of a published article (who can see a live answer is
 *   their decision) and read the figures (views, deflections, least helpful).
 */
export const KNOWLEDGE_EDITOR = 'Knowledge Editor';

export const isKnowledgeEditor = (a: Actor) => hasRole(a, 'hdts', KNOWLEDGE_EDITOR) || isHdtsAdmin(a);
export const isKnowledgeAdmin = (a: Actor) => isHdtsAdmin(a);
export const isStaffReader = (a: Actor) => isCoordinator(a) || isAgent(a) || isAnyAdmin(a) || isKnowledgeEditor(a);

export function readableVisibilities(a: Actor): Visibility[] {
  return isStaffReader(a) ? ['everyone', 'staff'] : ['everyone'];
}

interface ArticleRef {
  status: string;
  visibility: string;
}

export function canRead(a: Actor, article: ArticleRef): boolean {
  if (isKnowledgeEditor(a)) return true;
  return article.status === 'published' && readableVisibilities(a).includes(article.visibility as Visibility);
}

/** An article the caller may not read does not exist for them (404). */
export function assertCanRead<T extends ArticleRef>(a: Actor, article: T | null): T {
  if (!article || !canRead(a, article)) throw notFound('Article', 'ARTICLE_NOT_FOUND');
  return article;
}

export function assertEditor(a: Actor) {
  if (!isKnowledgeEditor(a)) throw forbidden('Only knowledge editors can write articles');
}

/** Category and visibility of a published article are the admins' to change. */
export function assertCanRecategorize(a: Actor, article: ArticleRef) {
  if (article.status === 'published' && !isKnowledgeAdmin(a)) {
    throw forbidden('Only admins can change the category or visibility of a published article');
  }
}

export function assertKnowledgeAdmin(a: Actor) {
  if (!isKnowledgeAdmin(a)) throw forbidden('Only admins can read the knowledge figures');
}

export function assertStaff(a: Actor) {
  if (!isStaffReader(a)) throw forbidden('Only help-desk staff can see suggested articles for a ticket');
}

/** draft → published → archived; an archived article can be published again or reworked as a draft. */
export const ARTICLE_TRANSITIONS: Record<ArticleStatus, ArticleStatus[]> = {
  draft: ['published', 'archived'],
  published: ['archived', 'draft'],
  archived: ['published', 'draft'],
};
