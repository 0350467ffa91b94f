/**
 * Workflow roles (TTS): admins create, rename, describe, deactivate and reactivate them. A role that a step of a
 * deployed or paused workflow uses (as its role or escalate-to role) cannot be deactivated: tickets would route to
 * a pool nobody can be added to. Members are managed through identity's role assignments.
 */
import {
  activePeople,
  insertTtsRole,
  ttsRoleForUpdate,
  ttsRoleNamed,
  ttsRolesWithMembers,
  updateTtsRole,
} from '@/lib/domain/identity/roles';
import { transaction } from '@/lib/server/db';
import { type Actor, ROLE } from '../actor';
import { writeAudit } from '../audit';
import { badRequest, conflict, notFound } from '../errors';
import { assertCanManageWorkflows } from './policy';
import type { WorkflowRoleCreateInput, WorkflowRoleUpdateInput } from './schemas';

function roleDto(r: { id: number; name: string; description: string; isActive: boolean }) {
  return { role_id: r.id, name: r.name, description: r.description, is_active: r.isActive };
}

const duplicate = (name: string) =>
  conflict(`A workflow role named "${name}" already exists`, 'DUPLICATE_RESOURCE', { name: ['This name is taken'] });

export async function createWorkflowRole(actor: Actor, input: WorkflowRoleCreateInput) {
  assertCanManageWorkflows(actor);
  return transaction(async (tx) => {
    if (await ttsRoleNamed(tx, input.name)) throw duplicate(input.name);
    const role = await insertTtsRole(tx, { name: input.name, description: input.description });
    await writeAudit(tx, actor, {
      context: 'workflow',
      action: 'role_created',
      entityType: 'role',
      entityId: role.id,
      newValues: { name: role.name },
    });
    return { ...roleDto(role), message: `Role ${role.name} created` };
  });
}

export async function updateWorkflowRole(actor: Actor, id: number, input: WorkflowRoleUpdateInput) {
  assertCanManageWorkflows(actor);
  return transaction(async (tx) => {
    const role = await ttsRoleForUpdate(tx, id);
    if (!role) throw notFound('Role', 'ROLE_NOT_FOUND');
    if (role.name === ROLE.admin && ((input.name && input.name !== role.name) || input.is_active === false))
      throw badRequest('The workflow Admin role cannot be renamed or deactivated');
    if (input.name && (await ttsRoleNamed(tx, input.name, id))) throw duplicate(input.name);
    if (input.is_active === false && role.isActive) {
      const steps = await tx.workflowStep.findMany({
        where: {
          OR: [{ roleId: id }, { escalateToRoleId: id }],
          workflow: { status: { in: ['deployed', 'paused'] } },
        },
        select: { name: true, workflow: { select: { id: true, name: true } } },
        orderBy: { id: 'asc' },
      });
      if (steps.length) {
        const workflows = [...new Map(steps.map((s) => [s.workflow.id, s.workflow.name])).values()];
        throw conflict(
          `${role.name} is used by ${steps.length} step${steps.length === 1 ? '' : 's'} of ${workflows.join(', ')}; give those steps another role first`,
          'ROLE_IN_USE',
          { steps: steps.map((s) => `${s.workflow.name}: ${s.name}`) },
        );
      }
    }
    const updated = await updateTtsRole(tx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.is_active !== undefined ? { isActive: input.is_active } : {}),
    });
    await writeAudit(tx, actor, {
      context: 'workflow',
      action: input.is_active === false ? 'role_deactivated' : input.is_active === true ? 'role_reactivated' : 'role_updated',
      entityType: 'role',
      entityId: id,
      oldValues: roleDto(role),
      newValues: roleDto(updated),
    });
    return { ...roleDto(updated), message: `Role ${updated.name} saved` };
  });
}

/** Every workflow role with its members and how many workflow steps use it (the roles page). */
export async function workflowRolesOverview(actor: Actor) {
  assertCanManageWorkflows(actor);
  const roles = await ttsRolesWithMembers();
  return roles.map((r) => ({
    ...roleDto(r),
    members: r.members.map((m) => ({
      assignment_id: m.assignmentId,
      user_id: m.userId,
      username: m.username,
      name: m.name,
      is_active: m.isActive,
    })),
  }));
}

/** People an admin can add to a role. */
export async function rolePeople(actor: Actor) {
  assertCanManageWorkflows(actor);
  return activePeople();
}
