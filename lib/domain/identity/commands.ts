import { randomUUID } from 'node:crypto';
import { db, type Tx, transaction } from '@/lib/server/db';
import { env } from '@/lib/server/env';
import { type Actor, SYSTEM_ACTOR } from '../actor';
import { writeAudit } from '../audit';
import { AppError, badRequest, conflict, notFound, unauthenticated, validationFailed } from '../errors';
import { checkSucceeded, failure, lockedError, releaseCheck, reserveCheck, unknownNameLocked } from './lockout';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';
import { assertCanManageUsers } from './policy';
import { getProfile, loadActor, recordOf, userDto, userSummary } from './queries';
import type { LoginInput, UserCreateInput, UserUpdateInput } from './schemas';
import { actorOf, actorRecord, refreshActorAfterCommit, revokeSessions, sessionActor } from './sessions';
import { canonicalTimeZone } from './time-zone';
import { signAccessToken, signRefreshToken, verifyAccessToken, verifyRefreshToken } from './tokens';
import { acceptSecondFactor } from './two-factor';

export interface RequestMeta {
  ip?: string | null;
  userAgent?: string | null;
}

const withRoles = { roles: { include: { role: true } } } as const;
const INVALID_CREDENTIALS = 'No active account found with the given credentials';
const invalidCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', INVALID_CREDENTIALS);

export async function issueTokens(
  tx: Tx,
  user: { id: number; email: string; username: string; tokenVersion: number },
  roles: Actor['roles'],
  family: string = randomUUID(),
) {
  const jti = randomUUID();
  const expiresAt = new Date(Date.now() + env.REFRESH_TOKEN_TTL_SECONDS * 1000);
  await tx.refreshToken.create({ data: { id: jti, familyId: family, userId: user.id, expiresAt } });
  return {
    access: await signAccessToken({ ...user, roles }),
    refresh: await signRefreshToken(user.id, jti, family, expiresAt),
  };
}

/**
 * Check credentials with the account lockout (lockout.ts); returns the user (token endpoint and portal sign-in).
 * With two-factor sign-in on, the right password alone answers OTP_REQUIRED (and counts as no attempt); the
 * code is then checked under the same counter.
 */
export async function authenticate(meta: RequestMeta, input: LoginInput) {
  const login = (input.username ?? input.email ?? '').trim().toLowerCase();
  const user = await db.user.findFirst({
    where: { OR: [{ email: login }, { username: { equals: login, mode: 'insensitive' } }] },
    include: withRoles,
  });
  const record = (success: boolean) =>
    db.loginAttempt.create({
      data: { login, userId: user?.id ?? null, success, ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 500) ?? null },
    });
  if (!user) {
    if (await unknownNameLocked(login)) throw lockedError(null);
    await verifyPassword(input.password, DUMMY_HASH); // the same time as a wrong password
    await record(false);
    if (await unknownNameLocked(login)) throw lockedError(null);
    throw invalidCredentials();
  }
  const reservation = await reserveCheck(user.id);
  const passwordOk = (await verifyPassword(input.password, user.passwordHash)) && user.isActive;
  if (!passwordOk) {
    await record(false);
    throw failure(reservation, invalidCredentials());
  }
  if (user.totpEnabledAt) {
    const code = input.otp_code?.trim();
    if (!code) {
      await releaseCheck(user.id);
      throw new AppError(401, 'OTP_REQUIRED', 'Enter the 6-digit code from your authenticator app (or a recovery code)', {
        otp_code: ['This field is required'],
      });
    }
    if (!(await acceptSecondFactor(user, code))) {
      await record(false);
      throw failure(
        reservation,
        new AppError(401, 'INVALID_OTP', 'The code is wrong or was already used', { otp_code: ['Invalid code'] }),
      );
    }
  }
  await checkSucceeded(user.id, { lastLogin: new Date() });
  await record(true);
  return user;
}

/** POST /auth/token/: access + refresh tokens and the user (003). */
export async function login(meta: RequestMeta, input: LoginInput) {
  const user = await authenticate(meta, input);
  const actor = actorOf(recordOf(user), meta);
  const tokens = await transaction(async (tx) => {
    await writeAudit(tx, actor, { context: 'identity', action: 'login', entityType: 'user', entityId: user.id });
    return issueTokens(tx, user, actor.roles);
  });
  const roles = actor.roles;
  return {
    ...tokens,
    user: { ...userSummary(user), role: roles[0] ? { id: roles[0].system_role_id, name: roles[0].role } : null, roles },
  };
}

/** Portal sign-in (next-auth Credentials): same checks and lockout, no API tokens; the session carries the version. */
export async function signInForPortal(meta: RequestMeta, input: LoginInput) {
  const user = await authenticate(meta, input);
  const actor = actorOf(recordOf(user), meta);
  await transaction(async (tx) => {
    await writeAudit(tx, actor, { context: 'identity', action: 'portal_login', entityType: 'user', entityId: user.id });
  });
  return { actor, tokenVersion: user.tokenVersion };
}

/** Portal sign-out: ends every session of the user, when the session signing out is still a live one. */
export async function signOutOfPortal(meta: RequestMeta, session: { userId: number; ver: unknown }) {
  const actor = await sessionActor(session.userId, session.ver, meta);
  if (!actor) return;
  await transaction(async (tx) => {
    await revokeSessions(tx, actor.id, 'sign_out');
    await writeAudit(tx, actor, { context: 'identity', action: 'portal_logout', entityType: 'user', entityId: actor.id });
  });
}

/**
 * POST /auth/token/refresh/: rotate. A token that was already rotated ends every session of its user (theft
 * detection); so does nothing else here.
 */
export async function refresh(meta: RequestMeta, token: string) {
  const claims = await verifyRefreshToken(token);
  const invalid = () => new AppError(401, 'TOKEN_INVALID', 'Token is invalid or expired');
  if (!claims) throw invalid();
  const row = await db.refreshToken.findUnique({ where: { id: claims.jti } });
  if (!row || row.revokedAt || row.expiresAt < new Date()) throw invalid();
  const user = await actorRecord(row.userId);
  if (!user?.isActive) throw invalid();
  const actor = actorOf(user, meta);

  const result = await transaction(async (tx) => {
    const claimed = await tx.refreshToken.updateMany({
      where: { id: row.id, rotatedAt: null, revokedAt: null },
      data: { rotatedAt: new Date() },
    });
    if (claimed.count === 0) return null; // already rotated: reuse
    return issueTokens(tx, user, actor.roles, row.familyId);
  });
  if (!result) {
    await transaction(async (tx) => {
      await revokeSessions(tx, user.id, 'reuse_detected');
      await writeAudit(tx, actor, {
        context: 'identity',
        action: 'refresh_token_reuse',
        entityType: 'token_family',
        entityId: row.familyId,
      });
    });
    throw new AppError(401, 'TOKEN_REUSED', 'Refresh token was already used; all sessions of this user were ended');
  }
  return result;
}

/**
 * POST /auth/logout/: end every session of the caller (refresh tokens, access tokens, portal sessions, sockets).
 * Logging out with a token that no longer works changes nothing and still answers success.
 */
export async function logout(meta: RequestMeta, input: { refresh?: string; access?: string | null }) {
  const refreshClaims = input.refresh ? await verifyRefreshToken(input.refresh) : null;
  const accessClaims = input.access ? await verifyAccessToken(input.access) : null;
  if (input.refresh && !refreshClaims) throw new AppError(401, 'TOKEN_INVALID', 'Token is invalid or expired');
  const userId = refreshClaims?.user_id ?? accessClaims?.user_id;
  if (!userId) throw unauthenticated();
  if (refreshClaims && accessClaims && refreshClaims.user_id !== accessClaims.user_id)
    throw badRequest('Token belongs to another user');
  const liveRefresh = refreshClaims
    ? !!(await db.refreshToken.findFirst({ where: { id: refreshClaims.jti, revokedAt: null }, select: { id: true } }))
    : false;
  const liveAccess = accessClaims ? !!(await sessionActor(accessClaims.user_id, accessClaims.ver, meta)) : false;
  if (!liveRefresh && !liveAccess) return { message: 'Successfully logged out' };
  const actor = (await loadActor(userId, meta)) ?? { ...SYSTEM_ACTOR, ...meta };
  await transaction(async (tx) => {
    await revokeSessions(tx, userId, 'logout');
    await writeAudit(tx, actor, { context: 'identity', action: 'logout', entityType: 'user', entityId: userId });
  });
  return { message: 'Successfully logged out' };
}

async function assertUnique(tx: Tx, fields: { username?: string; email?: string }, exceptId?: number) {
  const errors: Record<string, string[]> = {};
  if (fields.username) {
    const u = await tx.user.findFirst({
      where: { username: { equals: fields.username, mode: 'insensitive' }, NOT: { id: exceptId } },
    });
    if (u) errors.username = ['A user with that username already exists.'];
  }
  if (fields.email) {
    const u = await tx.user.findFirst({ where: { email: fields.email, NOT: { id: exceptId } } });
    if (u) errors.email = ['A user with that email already exists.'];
  }
  if (Object.keys(errors).length) throw new AppError(409, 'DUPLICATE_RESOURCE', 'User already exists', errors);
}

export async function createUser(actor: Actor, input: UserCreateInput) {
  assertCanManageUsers(actor);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    await assertUnique(tx, input);
    const user = await tx.user.create({
      data: {
        username: input.username,
        email: input.email,
        firstName: input.first_name,
        lastName: input.last_name,
        phoneNumber: input.phone_number ?? null,
        isActive: input.is_active,
        passwordHash,
      },
    });
    await writeAudit(tx, actor, {
      context: 'identity',
      action: 'user_created',
      entityType: 'user',
      entityId: user.id,
      newValues: userSummary(user),
    });
    return { ...userSummary(user), is_active: user.isActive, message: 'User created successfully' };
  });
}

export async function updateUser(actor: Actor, id: number, input: UserUpdateInput) {
  assertCanManageUsers(actor);
  if (id === actor.id && input.is_active === false)
    throw badRequest('You cannot deactivate your own account', { is_active: ['You cannot deactivate your own account'] });
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, include: withRoles });
    if (!before) throw notFound('User');
    await assertUnique(tx, { username: input.username, email: input.email }, id);
    const user = await tx.user.update({
      where: { id },
      data: {
        username: input.username,
        email: input.email,
        firstName: input.first_name,
        lastName: input.last_name,
        phoneNumber: input.phone_number,
        isActive: input.is_active,
        passwordHash,
      },
      include: withRoles,
    });
    if (input.is_active === false || passwordHash) {
      await revokeSessions(tx, id, input.is_active === false ? 'user_deactivated' : 'password_changed');
    } else refreshActorAfterCommit(tx, id);
    const { password: _pw, ...changed } = input;
    await writeAudit(tx, actor, {
      context: 'identity',
      action: 'user_updated',
      entityType: 'user',
      entityId: id,
      oldValues: { ...userSummary(before), is_active: before.isActive },
      newValues: { ...changed, ...(passwordHash ? { password: '(changed)' } : {}) },
    });
    return { ...userDto(user), message: 'User updated successfully' };
  });
}

/** DELETE deactivates: tickets and tasks keep referring to the user by id, so the row stays. */
export async function deactivateUser(actor: Actor, id: number) {
  assertCanManageUsers(actor);
  if (id === actor.id) throw badRequest('You cannot delete your own account');
  await transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id } });
    if (!before) throw notFound('User');
    await tx.user.update({ where: { id }, data: { isActive: false } });
    await revokeSessions(tx, id, 'user_deactivated');
    await writeAudit(tx, actor, {
      context: 'identity',
      action: 'user_deactivated',
      entityType: 'user',
      entityId: id,
      oldValues: { is_active: before.isActive },
      newValues: { is_active: false },
    });
  });
}

export async function assignRole(actor: Actor, input: { user_id: number; role_id: number; system?: 'hdts' | 'tts' }) {
  assertCanManageUsers(actor);
  return transaction(async (tx) => {
    const [user, role] = await Promise.all([
      tx.user.findUnique({ where: { id: input.user_id } }),
      tx.role.findUnique({ where: { id: input.role_id } }),
    ]);
    const errors: Record<string, string[]> = {};
    if (!user) errors.user_id = ['User not found'];
    if (!role) errors.role_id = ['Role not found'];
    else if (input.system && role.system !== input.system)
      errors.system = [`Role ${role.name} belongs to ${role.system.toUpperCase()}`];
    else if (!role.isActive) errors.role_id = [`Role ${role.name} is deactivated`];
    if (Object.keys(errors).length || !role || !user) throw validationFailed(errors);
    const existing = await tx.userRole.findUnique({ where: { userId_roleId: { userId: user.id, roleId: role.id } } });
    if (existing) throw conflict('The user already has this role', 'DUPLICATE_RESOURCE', { role_id: ['Already assigned'] });
    const ur = await tx.userRole.create({ data: { userId: user.id, roleId: role.id } });
    refreshActorAfterCommit(tx, user.id);
    await writeAudit(tx, actor, {
      context: 'identity',
      action: 'role_assigned',
      entityType: 'user',
      entityId: user.id,
      newValues: { role_id: role.id, role: role.name, system: role.system },
    });
    return {
      assignment_id: ur.id,
      user_id: user.id,
      role_id: role.id,
      role_name: role.name,
      system: role.system.toUpperCase(),
      assigned_at: ur.assignedAt.toISOString(),
    };
  });
}

export async function removeRoleAssignment(actor: Actor, assignmentId: number) {
  assertCanManageUsers(actor);
  await transaction(async (tx) => {
    const ur = await tx.userRole.findUnique({ where: { id: assignmentId }, include: { role: true } });
    if (!ur) throw notFound('Role assignment');
    if (ur.userId === actor.id && ur.role.name === 'Admin') throw badRequest('You cannot remove your own Admin role');
    await tx.userRole.delete({ where: { id: assignmentId } });
    // A removed role must stop working everywhere now, not when a token with it expires.
    await revokeSessions(tx, ur.userId, 'role_removed');
    await writeAudit(tx, actor, {
      context: 'identity',
      action: 'role_removed',
      entityType: 'user',
      entityId: ur.userId,
      oldValues: { role_id: ur.roleId, role: ur.role.name, system: ur.role.system },
    });
  });
}

/** Replace a user's roles in one system (the admin page's per-system checkboxes). */
export async function setUserRoles(actor: Actor, userId: number, system: 'hdts' | 'tts', roleIds: number[]) {
  assertCanManageUsers(actor);
  return transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, include: withRoles });
    if (!user) throw notFound('User');
    const roles = await tx.role.findMany({ where: { id: { in: roleIds } } });
    const bad = roleIds.filter((id) => !roles.some((r) => r.id === id && r.system === system));
    if (bad.length) throw validationFailed({ role_ids: [`Not ${system.toUpperCase()} roles: ${bad.join(', ')}`] });
    const current = user.roles.filter((ur) => ur.role.system === system);
    const deactivated = roles.filter((r) => !r.isActive && !current.some((ur) => ur.roleId === r.id));
    if (deactivated.length)
      throw validationFailed({ role_ids: [`Deactivated roles: ${deactivated.map((r) => r.name).join(', ')}`] });
    if (userId === actor.id && current.some((ur) => ur.role.name === 'Admin') && !roles.some((r) => r.name === 'Admin')) {
      throw badRequest('You cannot remove your own Admin role');
    }
    const removed = await tx.userRole.deleteMany({ where: { userId, role: { system }, roleId: { notIn: roleIds } } });
    if (removed.count > 0 && userId !== actor.id) await revokeSessions(tx, userId, 'role_removed');
    else refreshActorAfterCommit(tx, userId);
    for (const r of roles) {
      await tx.userRole.upsert({
        where: { userId_roleId: { userId, roleId: r.id } },
        create: { userId, roleId: r.id },
        update: {},
      });
    }
    await writeAudit(tx, actor, {
      context: 'identity',
      action: 'roles_set',
      entityType: 'user',
      entityId: userId,
      oldValues: { system, roles: current.map((ur) => ur.role.name) },
      newValues: { system, roles: roles.map((r) => r.name) },
    });
    const updated = await tx.user.findUniqueOrThrow({ where: { id: userId }, include: withRoles });
    return userDto(updated);
  });
}

export async function updateProfile(
  actor: Actor,
  input: {
    first_name?: string;
    last_name?: string;
    phone_number?: string | null;
    email_preferences?: Record<string, boolean>;
    time_zone?: string | null;
  },
) {
  await transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: actor.id } });
    if (!before) throw notFound('User');
    refreshActorAfterCommit(tx, actor.id);
    await tx.user.update({
      where: { id: actor.id },
      data: {
        firstName: input.first_name,
        lastName: input.last_name,
        phoneNumber: input.phone_number,
        // the runtime's own spelling of the zone ("europe/berlin" → "Europe/Berlin")
        timeZone: input.time_zone ? canonicalTimeZone(input.time_zone) : input.time_zone,
        emailPreferences: input.email_preferences
          ? { ...(before.emailPreferences as Record<string, boolean>), ...input.email_preferences }
          : undefined,
      },
    });
    await writeAudit(tx, actor, {
      context: 'identity',
      action: 'profile_updated',
      entityType: 'user',
      entityId: actor.id,
      oldValues: {
        first_name: before.firstName,
        last_name: before.lastName,
        phone_number: before.phoneNumber,
        email_preferences: before.emailPreferences,
        time_zone: before.timeZone,
      },
      newValues: input,
    });
  });
  return getProfile(actor);
}

/**
 * Change my password. The old password is checked under the account lockout; every session of mine ends
 * (refresh tokens, access tokens, portal sessions, sockets). Returns the new session version, so the portal
 * session that made the change can carry on with a fresh cookie.
 */
export async function changePassword(actor: Actor, input: { old_password: string; new_password: string }) {
  const user = await db.user.findUnique({ where: { id: actor.id } });
  if (!user) throw notFound('User');
  if (input.old_password === input.new_password) {
    throw validationFailed({ new_password: ['New password must differ from the old one'] });
  }
  const reservation = await reserveCheck(user.id);
  if (!(await verifyPassword(input.old_password, user.passwordHash))) {
    throw failure(reservation, validationFailed({ old_password: ['Old password is incorrect'] }, 'Old password is incorrect'));
  }
  await checkSucceeded(user.id);
  const passwordHash = await hashPassword(input.new_password);
  const tokenVersion = await transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    const version = await revokeSessions(tx, actor.id, 'password_changed');
    await writeAudit(tx, actor, { context: 'identity', action: 'password_changed', entityType: 'user', entityId: actor.id });
    return version;
  });
  return { message: 'Password changed successfully', tokenVersion };
}
