import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import type { Actor, ActorRole } from '../actor';
import { notFound } from '../errors';
import { Page, type PageQuery, skipTake } from '../pagination';
import { assertCanManageUsers, assertCanReadDirectory } from './policy';
import type { UserListQuery } from './schemas';
import { type ActorRecord, actorOf, actorRecord } from './sessions';

const withRoles = { roles: { include: { role: true } } } as const;
type UserWithRoles = Prisma.UserGetPayload<{ include: typeof withRoles }>;

export function actorRoles(user: UserWithRoles): ActorRole[] {
  return user.roles
    .map((ur) => ({ system: ur.role.system, role: ur.role.name, system_role_id: ur.role.id }))
    .sort((a, b) => a.system.localeCompare(b.system) || a.role.localeCompare(b.role));
}

export function fullName(u: { firstName: string; lastName: string; username: string }) {
  return `${u.firstName} ${u.lastName}`.trim() || u.username;
}

export function recordOf(
  user: UserWithRoles & { tokenVersion: number; totpEnabledAt: Date | null; timeZone: string | null },
): ActorRecord & { tokenVersion: number } {
  return {
    id: user.id,
    email: user.email,
    username: user.username,
    name: fullName(user),
    isActive: user.isActive,
    tokenVersion: user.tokenVersion,
    twoFactor: !!user.totpEnabledAt,
    timeZone: user.timeZone,
    roles: actorRoles(user),
  };
}

export function toActor(user: UserWithRoles, meta: { ip?: string | null; userAgent?: string | null } = {}): Actor {
  return actorOf(recordOf(user), meta);
}

/** An active user as an actor (jobs, tests), through the per-process cache; null when gone or inactive. */
export async function loadActor(userId: number, meta: { ip?: string | null; userAgent?: string | null } = {}) {
  const record = await actorRecord(userId);
  return record?.isActive ? actorOf(record, meta) : null;
}

export function userSummary(u: { id: number; username: string; email: string; firstName: string; lastName: string }) {
  return { id: u.id, username: u.username, email: u.email, first_name: u.firstName, last_name: u.lastName };
}

export function userDto(u: UserWithRoles) {
  return {
    ...userSummary(u),
    phone_number: u.phoneNumber,
    is_active: u.isActive,
    roles: u.roles.map((ur) => ({ system: ur.role.system.toUpperCase(), role_name: ur.role.name, role_id: ur.role.id })),
    date_joined: u.dateJoined.toISOString(),
    last_login: u.lastLogin?.toISOString() ?? null,
  };
}
export type UserDto = ReturnType<typeof userDto>;

export async function listUsers(actor: Actor, q: UserListQuery): Promise<Page<UserDto>> {
  assertCanManageUsers(actor);
  const where: Prisma.UserWhereInput = {
    ...(q.search
      ? {
          OR: [
            { username: { contains: q.search, mode: 'insensitive' } },
            { email: { contains: q.search, mode: 'insensitive' } },
            { firstName: { contains: q.search, mode: 'insensitive' } },
            { lastName: { contains: q.search, mode: 'insensitive' } },
          ],
        }
      : {}),
    ...(q.is_active ? { isActive: q.is_active === 'true' } : {}),
    ...(q.system ? { roles: { some: { role: { system: q.system } } } } : {}),
  };
  const [count, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({ where, include: withRoles, orderBy: { id: 'asc' }, ...skipTake(q) }),
  ]);
  return new Page(count, rows.map(userDto), q.page, q.page_size);
}

export async function getUser(actor: Actor, id: number): Promise<UserDto> {
  assertCanManageUsers(actor);
  const user = await db.user.findUnique({ where: { id }, include: withRoles });
  if (!user) throw notFound('User');
  return userDto(user);
}

function roleDto(r: { id: number; name: string; description: string; permissions: string[]; system: string; isActive: boolean }) {
  return {
    id: r.id,
    role_id: r.id,
    name: r.name,
    description: r.description,
    permissions: r.permissions,
    system: r.system.toUpperCase(),
    is_active: r.isActive,
  };
}

export async function listRoles(actor: Actor, q: PageQuery & { system?: 'hdts' | 'tts' }) {
  assertCanReadDirectory(actor);
  const where = q.system ? { system: q.system } : {};
  const [count, rows] = await Promise.all([
    db.role.count({ where }),
    db.role.findMany({ where, orderBy: [{ system: 'asc' }, { name: 'asc' }], ...skipTake(q) }),
  ]);
  return new Page(count, rows.map(roleDto), q.page, q.page_size);
}

export async function usersByRole(actor: Actor, roleId: number) {
  assertCanReadDirectory(actor);
  const role = await db.role.findUnique({
    where: { id: roleId },
    include: { users: { include: { user: true }, orderBy: { userId: 'asc' } } },
  });
  if (role?.system !== 'tts') throw notFound('Role');
  return {
    role: { role_id: role.id, name: role.name },
    users: role.users.filter((ur) => ur.user.isActive).map((ur) => userSummary(ur.user)),
  };
}

export async function getProfile(actor: Actor) {
  const user = await db.user.findUnique({ where: { id: actor.id }, include: withRoles });
  if (!user) throw notFound('User');
  const roles = actorRoles(user);
  return {
    ...userSummary(user),
    phone_number: user.phoneNumber,
    role: roles[0] ? { id: roles[0].system_role_id, name: roles[0].role } : null,
    roles,
    systems: [...new Set(roles.map((r) => r.system.toUpperCase()))],
    email_preferences: user.emailPreferences as Record<string, boolean>,
    /** The IANA zone times are shown in; null: the browser's own zone. */
    time_zone: user.timeZone,
  };
}
