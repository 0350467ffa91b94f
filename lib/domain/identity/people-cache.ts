/**
 * The people answers show (names and e-mails on tickets, comments and lists), remembered in this process for
 * ACTOR_CACHE_SECONDS, like the actors themselves: a ticket page names the same requesters, owners and agents over
 * and over, and looking them up was one of a point read's three statements. A change to a user forgets them here
 * at once (sessions.ts `invalidateActor`, which every write to a user's name, login, e-mail or status calls after
 * commit); other processes see it within the cache's lifetime. Only display reads use this: decisions (who is
 * active, e-mail preferences, role holders) always read the database.
 */
import { env } from '@/lib/server/env';
import type { DirectoryUser } from './directory';

interface Entry {
  user: DirectoryUser;
  at: number;
}

// On globalThis: route handlers, pages and server.ts are bundled apart but must share one cache.
const g = globalThis as unknown as {
  __switchboardPeople?: { byId: Map<number, Entry>; idByLogin: Map<string, number>; gen: number };
};
const cache = () => (g.__switchboardPeople ??= { byId: new Map(), idByLogin: new Map(), gen: 0 });

const MAX_ENTRIES = 20_000;
const fresh = (e: Entry | undefined, now: number): e is Entry => !!e && now - e.at < env.ACTOR_CACHE_SECONDS * 1000;

/** The cached person with this id, if still fresh. */
export function cachedPerson(id: number, now = Date.now()): DirectoryUser | undefined {
  const e = cache().byId.get(id);
  return fresh(e, now) ? e.user : undefined;
}

/** The cached active person with this login (lowercased), if still fresh. */
export function cachedLogin(login: string, now = Date.now()): DirectoryUser | undefined {
  const id = cache().idByLogin.get(login);
  const user = id === undefined ? undefined : cachedPerson(id, now);
  return user && user.username.toLowerCase() === login ? user : undefined;
}

/** The current generation: a read that started before a forget must not store what it read. */
export const peopleGeneration = () => cache().gen;

export function rememberPeople(users: DirectoryUser[], generation: number, at = Date.now()): void {
  const c = cache();
  if (env.ACTOR_CACHE_SECONDS <= 0 || c.gen !== generation) return;
  for (const user of users) {
    if (c.byId.size >= MAX_ENTRIES) {
      c.byId.clear();
      c.idByLogin.clear();
    }
    c.byId.set(user.id, { user, at });
    c.idByLogin.set(user.username.toLowerCase(), user.id);
  }
}

/** Forget a person in this process (their name, login, e-mail or status changed). */
export function forgetPerson(id: number): void {
  const c = cache();
  const e = c.byId.get(id);
  if (e) c.idByLogin.delete(e.user.username.toLowerCase());
  c.byId.delete(id);
  c.gen++;
}
