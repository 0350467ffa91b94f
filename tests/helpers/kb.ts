/** Knowledge-base test helpers: editors, articles in a given state, the tables a refused call must not touch. */
import { randomUUID } from 'node:crypto';
import type { Actor } from '@/lib/domain/actor';
import { loadActor } from '@/lib/domain/identity/queries';
import { changeArticleStatus, createArticle } from '@/lib/domain/knowledge/commands';
import { type ArticleCreateInput, type ArticleStatus, articleCreateInput } from '@/lib/domain/knowledge/schemas';
import { db } from '@/lib/server/db';
import { makeUser, tokenFor } from './api';

export const KB_TABLES = [
  'knowledge.articles',
  'knowledge.article_versions',
  'knowledge.article_feedback',
  'knowledge.article_view_days',
  'knowledge.deflections',
  'audit.audit_log',
];

export async function actorOf(username: string): Promise<Actor> {
  const u = await db.user.findUniqueOrThrow({ where: { username } });
  return (await loadActor(u.id)) as Actor;
}

/** A fresh Knowledge Editor (optionally with more roles) with a token. */
export async function makeEditor(extra: ['hdts' | 'tts', string][] = []) {
  const user = await makeUser([['hdts', 'Knowledge Editor'], ...extra]);
  return { user, actor: (await loadActor(user.id)) as Actor, token: await tokenFor(user.username) };
}

let editor: Actor | null = null;
async function seedEditor() {
  editor ??= (await makeEditor()).actor;
  return editor;
}

/** An article in the given state, written by a fresh editor; the title gets a unique suffix unless `exact`. */
export async function article(
  input: Partial<ArticleCreateInput> & { title?: string; body?: string } = {},
  status: ArticleStatus = 'published',
  opts: { exact?: boolean; by?: Actor } = {},
) {
  const by = opts.by ?? (await seedEditor());
  const title = opts.exact ? (input.title ?? 'Article') : `${input.title ?? 'Article'} ${randomUUID().slice(0, 6)}`;
  const a = await createArticle(
    by,
    articleCreateInput.parse({ category: 'IT Support', body: 'Some helpful text.', ...input, title }),
  );
  if (status !== 'draft') await changeArticleStatus(by, a.id, status === 'archived' ? 'published' : status);
  if (status === 'archived') await changeArticleStatus(by, a.id, 'archived');
  return a;
}
