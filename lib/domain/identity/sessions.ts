/**
 * Who is behind a token or a portal session, cheaply, and how sessions end.
 *
 * Every access token and portal session carries the user's `token_version`. A request resolves its user
 * through a short-lived per-process cache (ACTOR_CACHE_SECONDS), so a steady stream of requests costs no
 * identity query at all; a miss is one SQL statement. Revocation bumps the version in the database: this
 * process forgets the user at once (and disconnects their sockets), other processes within the cache's
 * lifetime, and from then on every token or session carrying the old version is refused.
 */
import { afterCommit, db, type Tx } from '@/lib/server/db';
import { env } from '@/lib/server/env';
import { disconnectUser } from '@/lib/server/realtime';
import type { Actor, ActorRole, System } from '../actor';
import { forgetPerson } from './people-cache';

export interface ActorRecord {
  id: number;
  email: string;
  username: string;
  name: string;
  isActive: boolean;
  tokenVersion: number;
  twoFactor: boolean;
  /** The chosen IANA time zone for showing times, or null (the browser's). */
  timeZone: string | null;
  /** Every role held, before the two-factor rule (see actorOf). */
  roles: ActorRole[];
}

interface Entry {
  record: ActorRecord | null;
  at: number;
}

// On globalThis: route handlers, pages and server.ts are bundled apart but must share one cache.
const g = globalThis as unknown as { __switchboardActors?: { entries: Map<number, Entry>; gen: Map<number, number> } };
const cache = () => (g.__switchboardActors ??= { entries: new Map(), gen: new Map() });

const MAX_ENTRIES = 10_000;

interface Row {
  id: number;
  email: string;
  username: string;
  first_name: string;
  last_name: string;
  is_active: boolean;
  token_version: number;
  two_factor: boolean;
  time_zone: string | null;
  roles: { system: System; role: string; id: number }[];
}

/** One statement: the user, their version and every role. */
async function fetchRecord(userId: number): Promise<ActorRecord | null> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT u.id, u.email, u.username, u.first_name, u.last_name, u.is_active, u.token_version, u.time_zone,
           (u.totp_enabled_at IS NOT NULL) AS two_factor,
           COALESCE(json_agg(json_build_object('system', r.system, 'role', r.name, 'id', r.id))
                    FILTER (WHERE r.id IS NOT NULL), '[]'::json) AS roles
    FROM identity.users u
    LEFT JOIN identity.user_roles ur ON ur.user_id = u.id
    LEFT JOIN identity.roles r ON r.id = ur.role_id
    WHERE u.id = ${userId}
    GROUP BY u.id`;
  const u = rows[0];
  if (!u) return null;
  return {
    id: u.id,
    email: u.email,
    username: u.username,
    name: `${u.first_name} ${u.last_name}`.trim() || u.username,
    isActive: u.is_active,
    tokenVersion: u.token_version,
    twoFactor: u.two_factor,
    timeZone: u.time_zone,
    roles: u.roles
      .map((r) => ({ system: r.system, role: r.role, system_role_id: r.id }))
      .sort((a, b) => a.system.localeCompare(b.system) || a.role.localeCompare(b.role)),
  };
}

/** The user's record from the cache, or from the database when missing or older than ACTOR_CACHE_SECONDS. */
export async function actorRecord(userId: number): Promise<ActorRecord | null> {
  if (!Number.isSafeInteger(userId) || userId <= 0 || userId > 2147483647) return null;
  const c = cache();
  const ttl = env.ACTOR_CACHE_SECONDS * 1000;
  const hit = c.entries.get(userId);
  if (hit && Date.now() - hit.at < ttl) return hit.record;
  const gen = c.gen.get(userId) ?? 0;
  const at = Date.now();
  const record = await fetchRecord(userId);
  // An invalidation that happened while we were reading wins: never store what it meant to forget.
  if (ttl > 0 && (c.gen.get(userId) ?? 0) === gen) {
    if (c.entries.size >= MAX_ENTRIES) c.entries.delete(c.entries.keys().next().value as number);
    c.entries.delete(userId);
    c.entries.set(userId, { record, at });
  }
  return record;
}

/** Forget a user in this process (their roles, status, name or version changed): the actor and the person shown. */
export function invalidateActor(userId: number): void {
  const c = cache();
  c.entries.delete(userId);
  c.gen.set(userId, (c.gen.get(userId) ?? 0) + 1);
  forgetPerson(userId);
}

export const ADMIN_ROLE = 'Admin';

/** Admin roles need two-factor sign-in when REQUIRE_2FA_FOR_ADMINS is on. */
export const twoFactorRequiredFor = (r: Pick<ActorRecord, 'roles' | 'twoFactor'>) =>
  env.REQUIRE_2FA_FOR_ADMINS && !r.twoFactor && r.roles.some((x) => x.role === ADMIN_ROLE);

/**
 * The actor of a record. When admins must use two-factor sign-in and this one has not enrolled yet, their
 * admin roles are withheld (every policy then refuses admin work) and `twoFactorRequired` sends them to enrol.
 */
export function actorOf(r: ActorRecord, meta: { ip?: string | null; userAgent?: string | null } = {}): Actor {
  const required = twoFactorRequiredFor(r);
  return {
    id: r.id,
    email: r.email,
    username: r.username,
    name: r.name,
    roles: required ? r.roles.filter((x) => x.role !== ADMIN_ROLE) : r.roles,
    ...(required ? { twoFactorRequired: true } : {}),
    ...(r.timeZone ? { timeZone: r.timeZone } : {}),
    ip: meta.ip ?? null,
    userAgent: meta.userAgent ?? null,
  };
}

/**
 * The actor of a verified token or session carrying `version`; null when the user is gone, inactive, or their
 * sessions were ended since the token was issued.
 */
export async function sessionActor(
  userId: number,
  version: unknown,
  meta: { ip?: string | null; userAgent?: string | null } = {},
): Promise<Actor | null> {
  if (typeof version !== 'number') return null;
  const r = await actorRecord(userId);
  if (!r?.isActive || r.tokenVersion !== version) return null;
  return actorOf(r, meta);
}

export type RevokeReason =
  | 'logout'
  | 'sign_out'
  | 'password_changed'
  | 'password_reset'
  | 'user_deactivated'
  | 'user_updated'
  | 'role_removed'
  | 'reuse_detected'
  | 'two_factor_changed';

/**
 * End every session of a user, inside the transaction of the change that causes it: the version goes up (so
 * access tokens and portal sessions stop working), every refresh token is revoked, and once committed this
 * process forgets the user and their open sockets are disconnected (in every process with REALTIME_CLUSTER).
 * Returns the new version.
 */
export async function revokeSessions(tx: Tx, userId: number, reason: RevokeReason): Promise<number> {
  const rows = await tx.$queryRaw<{ token_version: number }[]>`
    UPDATE identity.users SET token_version = token_version + 1, updated_at = now()
    WHERE id = ${userId} RETURNING token_version`;
  await tx.refreshToken.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date(), revokedWhy: reason },
  });
  afterCommit(tx, () => {
    invalidateActor(userId);
    disconnectUser(userId);
  });
  return rows[0]?.token_version ?? 0;
}

/** A change to a user that does not end their sessions (roles added, names): this process re-reads them at once. */
export function refreshActorAfterCommit(tx: Tx, userId: number): void {
  afterCommit(tx, () => invalidateActor(userId));
}
