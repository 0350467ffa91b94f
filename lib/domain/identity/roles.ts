/**
 * Writes of workflow (TTS) role rows, for the workflow context's role administration. Each takes the caller's
 * transaction so the workflow context can check its own rules (steps using the role) in the same transaction.
 */
import { db, type Tx } from '@/lib/server/db';

export interface RoleRow {
  id: number;
  name: string;
  description: string;
  isActive: boolean;
}

export async function ttsRoleForUpdate(tx: Tx, id: number): Promise<RoleRow | null> {
  const rows = await tx.$queryRaw<
    { id: number }[]
  >`SELECT id FROM "identity"."roles" WHERE id = ${id} AND system = 'tts' FOR UPDATE`;
  if (!rows.length) return null;
  return tx.role.findUniqueOrThrow({ where: { id }, select: { id: true, name: true, description: true, isActive: true } });
}

export async function ttsRoleNamed(tx: Tx, name: string, exceptId?: number): Promise<RoleRow | null> {
  return tx.role.findFirst({
    where: { system: 'tts', name: { equals: name, mode: 'insensitive' }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true, name: true, description: true, isActive: true },
  });
}

export async function insertTtsRole(tx: Tx, data: { name: string; description: string }): Promise<RoleRow> {
  return tx.role.create({
    data: { system: 'tts', name: data.name, description: data.description },
    select: { id: true, name: true, description: true, isActive: true },
  });
}

export async function updateTtsRole(
  tx: Tx,
  id: number,
  data: { name?: string; description?: string; isActive?: boolean },
): Promise<RoleRow> {
  return tx.role.update({ where: { id }, data, select: { id: true, name: true, description: true, isActive: true } });
}

/** Every TTS role with its members (assignment id, user), for the roles page. */
export async function ttsRolesWithMembers() {
  const roles = await db.role.findMany({
    where: { system: 'tts' },
    orderBy: { name: 'asc' },
    include: { users: { include: { user: true }, orderBy: { userId: 'asc' } } },
  });
  return roles.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    isActive: r.isActive,
    members: r.users.map((ur) => ({
      assignmentId: ur.id,
      userId: ur.userId,
      username: ur.user.username,
      name: `${ur.user.firstName} ${ur.user.lastName}`.trim() || ur.user.username,
      isActive: ur.user.isActive,
    })),
  }));
}

/** Active people who can be added to a role (the roles page's picker), by name. */
export async function activePeople(limit = 500) {
  const rows = await db.user.findMany({
    where: { isActive: true },
    orderBy: [{ firstName: 'asc' }, { lastName: 'asc' }, { id: 'asc' }],
    take: limit,
  });
  return rows.map((u) => ({ id: u.id, username: u.username, name: `${u.firstName} ${u.lastName}`.trim() || u.username }));
}
