import { db, type Tx } from '@/lib/server/db';
import type { Actor, System } from '../actor';
import { cachedLogin, cachedPerson, peopleGeneration, rememberPeople } from './people-cache';
import { fullName, toActor } from './queries';

/**
 * Read-only lookups other contexts use to show and pick people. Other contexts refer to users by id
 * only; they call these functions instead of reading identity tables.
 */
export interface DirectoryUser {
  id: number;
  username: string;
  email: string;
  name: string;
  isActive: boolean;
  emailPreferences: Record<string, boolean>;
}

function toDirectoryUser(u: {
  id: number;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  isActive: boolean;
  emailPreferences: unknown;
}): DirectoryUser {
  return {
    id: u.id,
    username: u.username,
    email: u.email,
    name: fullName(u),
    isActive: u.isActive,
    emailPreferences: (u.emailPreferences ?? {}) as Record<string, boolean>,
  };
}

export async function usersByIds(ids: number[]): Promise<Map<number, DirectoryUser>> {
  const unique = [...new Set(ids.filter((id) => id > 0))];
  if (!unique.length) return new Map();
  const rows = await db.user.findMany({ where: { id: { in: unique } } });
  return new Map(rows.map((u) => [u.id, toDirectoryUser(u)]));
}

/** One person by id. A point lookup, so Prisma joins concurrent calls (a batch of e-mail jobs) into one statement. */
export async function userById(id: number): Promise<DirectoryUser | null> {
  if (!(id > 0)) return null;
  const row = await db.user.findUnique({ where: { id } });
  return row ? toDirectoryUser(row) : null;
}

/** Active holders of a role, ordered by user id (the order round-robin walks). */
/** Pass the caller's transaction when inside one: a second pooled connection per transaction can starve the pool. */
export async function activeUsersInRole(roleId: number, client: Tx = db): Promise<DirectoryUser[]> {
  const rows = await client.user.findMany({ where: { isActive: true, roles: { some: { roleId } } }, orderBy: { id: 'asc' } });
  return rows.map(toDirectoryUser);
}

export async function roleByName(system: System, name: string) {
  return db.role.findUnique({ where: { system_name: { system, name } } });
}

export async function roleById(id: number) {
  return db.role.findUnique({ where: { id } });
}

export async function rolesOf(system: System) {
  return db.role.findMany({ where: { system }, orderBy: { name: 'asc' } });
}

/** Active users holding the named role of a system (e.g. hdts "Ticket Coordinator"). */
export async function activeUsersWithRole(system: System, name: string, client: Tx = db): Promise<DirectoryUser[]> {
  const rows = await client.user.findMany({
    where: { isActive: true, roles: { some: { role: { system, name } } } },
    orderBy: { id: 'asc' },
  });
  return rows.map(toDirectoryUser);
}

/** For @mentions: active users whose username matches. */
export async function usersByUsernames(usernames: string[]): Promise<DirectoryUser[]> {
  if (!usernames.length) return [];
  const rows = await db.user.findMany({ where: { username: { in: usernames, mode: 'insensitive' }, isActive: true } });
  return rows.map(toDirectoryUser);
}

/**
 * The people an answer shows: by id, and the active people with one of `usernames` (a ticket's people and the
 * people its comments mention). Served from this process's short-lived cache (people-cache.ts) where it can; the
 * rest in one statement, so a ticket page costs no people query at all once its people were seen.
 */
export async function peopleToShow(
  ids: number[],
  usernames: string[] = [],
): Promise<{ byId: Map<number, DirectoryUser>; byUsername: DirectoryUser[] }> {
  const now = Date.now();
  const byId = new Map<number, DirectoryUser>();
  const byUsername: DirectoryUser[] = [];
  const missingIds = new Set<number>();
  const missingLogins = new Set<string>();
  for (const id of ids) {
    if (!(id > 0) || byId.has(id)) continue;
    const hit = cachedPerson(id, now);
    if (hit) byId.set(id, hit);
    else missingIds.add(id);
  }
  for (const login of new Set(usernames.map((u) => u.toLowerCase()))) {
    const hit = cachedLogin(login, now);
    if (hit?.isActive) byUsername.push(hit);
    else if (!hit) missingLogins.add(login);
  }
  if (!missingIds.size && !missingLogins.size) return { byId, byUsername };
  const generation = peopleGeneration();
  const rows = await db.user.findMany({
    where: {
      OR: [
        ...(missingIds.size ? [{ id: { in: [...missingIds] } }] : []),
        ...(missingLogins.size ? [{ username: { in: [...missingLogins], mode: 'insensitive' as const } }] : []),
      ],
    },
  });
  const found = rows.map(toDirectoryUser);
  rememberPeople(found, generation, now);
  for (const u of found) {
    if (missingIds.has(u.id)) byId.set(u.id, u);
    if (u.isActive && missingLogins.has(u.username.toLowerCase())) byUsername.push(u);
  }
  return { byId, byUsername };
}

/**
 * For @mention suggestions: active users who are one of `ids` or hold a role that sees every ticket (help-desk
 * coordinators and admins, workflow admins), whose name or username contains every word of `text`, as actors
 * (so the caller can apply its visibility rules), by name; at most `limit`.
 */
export async function mentionCandidates(ids: number[], text: string, limit: number): Promise<Actor[]> {
  const words = text.trim().split(/\s+/).filter(Boolean).slice(0, 4);
  const rows = await db.user.findMany({
    where: {
      isActive: true,
      OR: [
        { id: { in: ids.filter((id) => id > 0) } },
        {
          roles: {
            some: {
              role: {
                OR: [
                  { system: 'hdts', name: { in: ['Ticket Coordinator', 'Admin'] } },
                  { system: 'tts', name: 'Admin' },
                ],
              },
            },
          },
        },
      ],
      AND: words.map((w) => ({
        OR: [
          { firstName: { contains: w, mode: 'insensitive' as const } },
          { lastName: { contains: w, mode: 'insensitive' as const } },
          { username: { contains: w, mode: 'insensitive' as const } },
        ],
      })),
    },
    include: { roles: { include: { role: true } } },
    orderBy: [{ firstName: 'asc' }, { lastName: 'asc' }, { id: 'asc' }],
    take: limit,
  });
  return rows.map((u) => toActor(u));
}

/** Active users by e-mail address (notifications sent by services name the user by e-mail). */
export async function usersByEmails(emails: string[]): Promise<DirectoryUser[]> {
  if (!emails.length) return [];
  const rows = await db.user.findMany({ where: { email: { in: emails, mode: 'insensitive' }, isActive: true } });
  return rows.map(toDirectoryUser);
}

/** Active users holding any role of a system (e.g. everyone who can be assigned workflow work), by name. */
export async function activeUsersOfSystem(system: System, client: Tx = db): Promise<DirectoryUser[]> {
  const rows = await client.user.findMany({
    where: { isActive: true, roles: { some: { role: { system } } } },
    orderBy: [{ firstName: 'asc' }, { lastName: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toDirectoryUser);
}

/** Ids of the users whose name, username or e-mail contains `text` (a search's requesters), at most `limit`. */
export async function userIdsMatching(text: string, limit = 200): Promise<number[]> {
  const words = text.trim().split(/\s+/).filter(Boolean).slice(0, 4);
  if (!words.length) return [];
  const rows = await db.user.findMany({
    where: {
      AND: words.map((w) => ({
        OR: [
          { firstName: { contains: w, mode: 'insensitive' as const } },
          { lastName: { contains: w, mode: 'insensitive' as const } },
          { username: { contains: w, mode: 'insensitive' as const } },
          { email: { contains: w, mode: 'insensitive' as const } },
        ],
      })),
    },
    select: { id: true },
    take: limit,
  });
  return rows.map((r) => r.id);
}
