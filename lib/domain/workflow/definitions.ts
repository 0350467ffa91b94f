/** Workflow definitions: create, update, deploy (freezing a version), pause, delete. */
import { activeUsersInRole, roleById } from '@/lib/domain/identity/directory';
import { db, type Tx, transaction } from '@/lib/server/db';
import type { Actor } from '../actor';
import { writeAudit } from '../audit';
import { AppError, conflict, notFound, validationFailed } from '../errors';
import { assertCanManageWorkflows } from './policy';
import type { StepInput, TransitionInput, WorkflowCreateInput, WorkflowUpdateInput } from './schemas';
import { type SlaLevel, type Slas, slaOrderProblems } from './sla';
import { snapshotOf } from './snapshot';
import { definitionErrors, deployProblems } from './validation';
import type { DeployInput } from './version-schemas';
import { workflowDetail } from './workflow-queries';

type SlaInput = Partial<Pick<WorkflowCreateInput, 'low_sla' | 'medium_sla' | 'high_sla' | 'urgent_sla' | 'sla'>>;

function slasFrom(input: SlaInput): Partial<Record<SlaLevel, number | null>> {
  const out: Partial<Record<SlaLevel, number | null>> = {};
  for (const l of ['low', 'medium', 'high', 'urgent'] as const) {
    const v = input[`${l}_sla`] !== undefined ? input[`${l}_sla`] : input.sla?.[l];
    if (v !== undefined) out[l] = v;
  }
  return out;
}

function assertSlaOrder(slas: Slas) {
  const problems = slaOrderProblems(slas);
  if (!problems.length) return;
  const fields: Record<string, string[]> = {};
  for (const p of problems) (fields[p.split(' ')[0]] ??= []).push(p);
  throw validationFailed(fields, problems.join('; '));
}

/** Roles of steps must be TTS roles; transitions must name existing steps; names unique. */
async function assertDefinition(steps: StepInput[], transitions: TransitionInput[]) {
  const errors = definitionErrors(
    steps.map((s) => ({
      key: s.name.toLowerCase(),
      name: s.name,
      roleId: s.role_id,
      isStart: s.is_start,
      isEnd: s.is_end,
      weight: s.weight,
    })),
    transitions.map((t) => ({ from: t.from_step.toLowerCase(), to: t.to_step.toLowerCase(), name: t.name })),
  );
  for (const [k, v] of Object.entries(errors)) {
    if (/^transitions\.\d+\.(from|to)_step$/.test(k)) {
      const i = Number(k.split('.')[1]);
      const t = transitions[i];
      errors[k] = v.map((m) => m.replace(/"[^"]*"/, `"${k.endsWith('from_step') ? t.from_step : t.to_step}"`));
    }
  }
  const roleIds = [...new Set(steps.flatMap((s) => [s.role_id, s.escalate_to_role_id ?? null]).filter((r): r is number => !!r))];
  const roles = new Map(await Promise.all(roleIds.map(async (id) => [id, await roleById(id)] as const)));
  steps.forEach((s, i) => {
    const role = roles.get(s.role_id);
    if (role?.system !== 'tts') (errors[`steps.${i}.role_id`] ??= []).push('Choose a workflow (TTS) role');
    if (s.escalate_to_role_id) {
      const esc = roles.get(s.escalate_to_role_id);
      if (esc?.system !== 'tts') (errors[`steps.${i}.escalate_to_role_id`] ??= []).push('Choose a workflow (TTS) role');
    }
  });
  if (Object.keys(errors).length) throw validationFailed(errors);
}

function workflowData(input: WorkflowCreateInput | WorkflowUpdateInput) {
  const slas = slasFrom(input);
  const sub = input.sub_category !== undefined ? input.sub_category : input.subcategory;
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.department !== undefined ? { department: input.department } : {}),
    ...(input.category !== undefined ? { category: input.category } : {}),
    ...(sub !== undefined ? { subCategory: sub?.trim() ? sub.trim() : null } : {}),
    ...(slas.low !== undefined ? { lowSlaSeconds: slas.low } : {}),
    ...(slas.medium !== undefined ? { mediumSlaSeconds: slas.medium } : {}),
    ...(slas.high !== undefined ? { highSlaSeconds: slas.high } : {}),
    ...(slas.urgent !== undefined ? { urgentSlaSeconds: slas.urgent } : {}),
    ...(input.calendar_id !== undefined ? { calendarId: input.calendar_id ?? null } : {}),
    ...(input.pause_statuses !== undefined ? { pauseStatuses: [...new Set(input.pause_statuses)] } : {}),
  };
}

/** The chosen calendar must exist (a 400 on the field, nothing written). */
async function assertCalendar(calendarId: number | null | undefined) {
  if (calendarId == null) return;
  if (!(await db.slaCalendar.findUnique({ where: { id: calendarId }, select: { id: true } })))
    throw validationFailed({ calendar_id: ['Unknown calendar'] });
}

async function writeSteps(tx: Tx, workflowId: number, steps: StepInput[], transitions: TransitionInput[]) {
  const ids = new Map<string, number>();
  for (const [i, s] of steps.entries()) {
    const row = await tx.workflowStep.create({
      data: {
        workflowId,
        name: s.name,
        description: s.description,
        instruction: s.instruction,
        roleId: s.role_id,
        escalateToRoleId: s.escalate_to_role_id ?? null,
        order: s.order ?? i + 1,
        weight: s.weight,
        isStart: s.is_start,
        isEnd: s.is_end,
      },
    });
    ids.set(s.name.toLowerCase(), row.id);
  }
  for (const t of transitions) {
    await tx.workflowTransition.create({
      data: {
        workflowId,
        name: t.name,
        fromStepId: ids.get(t.from_step.toLowerCase()) as number,
        toStepId: ids.get(t.to_step.toLowerCase()) as number,
      },
    });
  }
}

export async function createWorkflow(actor: Actor, input: WorkflowCreateInput) {
  assertCanManageWorkflows(actor);
  const data = workflowData(input);
  assertSlaOrder({
    low: data.lowSlaSeconds,
    medium: data.mediumSlaSeconds,
    high: data.highSlaSeconds,
    urgent: data.urgentSlaSeconds,
  });
  const steps = input.steps ?? [];
  const transitions = input.transitions ?? [];
  await assertDefinition(steps, transitions);
  await assertCalendar(input.calendar_id);
  const wf = await transaction(async (tx) => {
    const wf = await tx.workflow.create({
      data: {
        ...data,
        name: input.name,
        department: input.department,
        category: input.category,
        createdById: actor.id,
        status: 'draft',
      },
    });
    await writeSteps(tx, wf.id, steps, transitions);
    await writeAudit(tx, actor, {
      context: 'workflow',
      action: 'workflow_created',
      entityType: 'workflow',
      entityId: wf.id,
      newValues: { name: wf.name, steps: steps.length, transitions: transitions.length },
    });
    return wf;
  });
  return { ...(await workflowDetail(wf.id)), message: 'Workflow created successfully' };
}

export async function updateWorkflow(actor: Actor, id: number, input: WorkflowUpdateInput) {
  assertCanManageWorkflows(actor);
  const current = await db.workflow.findUnique({
    where: { id },
    include: { steps: { orderBy: { order: 'asc' } }, transitions: true },
  });
  if (!current) throw notFound('Workflow', 'WORKFLOW_NOT_FOUND');
  const data = workflowData(input);
  assertSlaOrder({
    low: data.lowSlaSeconds !== undefined ? data.lowSlaSeconds : current.lowSlaSeconds,
    medium: data.mediumSlaSeconds !== undefined ? data.mediumSlaSeconds : current.mediumSlaSeconds,
    high: data.highSlaSeconds !== undefined ? data.highSlaSeconds : current.highSlaSeconds,
    urgent: data.urgentSlaSeconds !== undefined ? data.urgentSlaSeconds : current.urgentSlaSeconds,
  });
  const replace = input.steps !== undefined || input.transitions !== undefined;
  const byId = new Map(current.steps.map((s) => [s.id, s.name]));
  const steps: StepInput[] =
    input.steps ??
    current.steps.map((s) => ({
      name: s.name,
      description: s.description,
      instruction: s.instruction,
      role_id: s.roleId,
      escalate_to_role_id: s.escalateToRoleId,
      order: s.order,
      weight: s.weight,
      is_start: s.isStart,
      is_end: s.isEnd,
    }));
  const transitions: TransitionInput[] =
    input.transitions ??
    (input.steps
      ? []
      : current.transitions.map((t) => ({
          from_step: byId.get(t.fromStepId) as string,
          to_step: byId.get(t.toStepId) as string,
          name: t.name,
        })));
  if (replace) await assertDefinition(steps, transitions);
  await assertCalendar(input.calendar_id);
  await transaction(async (tx) => {
    await tx.workflow.update({ where: { id }, data });
    if (replace) {
      await tx.workflowTransition.deleteMany({ where: { workflowId: id } });
      await tx.workflowStep.deleteMany({ where: { workflowId: id } });
      await writeSteps(tx, id, steps, transitions);
    }
    await writeAudit(tx, actor, {
      context: 'workflow',
      action: 'workflow_updated',
      entityType: 'workflow',
      entityId: id,
      oldValues: { name: current.name },
      newValues: { ...data, steps_replaced: replace },
    });
  });
  return { ...(await workflowDetail(id)), message: 'Workflow updated successfully' };
}

/** Deploy: validate everything (listing every problem), then freeze an immutable version. */
export async function deployWorkflow(actor: Actor, id: number, input: DeployInput = { note: '' }) {
  assertCanManageWorkflows(actor);
  const wf = await db.workflow.findUnique({
    where: { id },
    include: { steps: { orderBy: { order: 'asc' } }, transitions: true },
  });
  if (!wf) throw notFound('Workflow', 'WORKFLOW_NOT_FOUND');
  const roleIds = [...new Set(wf.steps.flatMap((s) => [s.roleId, s.escalateToRoleId]).filter((r): r is number => !!r))];
  const roles = new Map(
    await Promise.all(
      roleIds.map(async (r) => [r, { role: await roleById(r), members: (await activeUsersInRole(r)).length }] as const),
    ),
  );
  const problems = deployProblems(
    wf.steps.map((s) => ({
      key: s.id,
      name: s.name,
      roleId: s.roleId,
      escalateToRoleId: s.escalateToRoleId,
      isStart: s.isStart,
      isEnd: s.isEnd,
      weight: s.weight,
    })),
    wf.transitions.map((t) => ({ from: t.fromStepId, to: t.toStepId, name: t.name })),
    (r) => {
      const facts = roles.get(r);
      return facts?.role?.system === 'tts'
        ? { name: facts.role.name, members: facts.members, active: facts.role.isActive }
        : undefined;
    },
  );
  problems.push(
    ...slaOrderProblems({
      low: wf.lowSlaSeconds,
      medium: wf.mediumSlaSeconds,
      high: wf.highSlaSeconds,
      urgent: wf.urgentSlaSeconds,
    }),
  );
  if (problems.length) {
    throw new AppError(400, 'WORKFLOW_INVALID', `The workflow cannot be deployed: ${problems.join('; ')}`, {
      problems,
      non_field_errors: problems,
    });
  }
  const snapshot = snapshotOf(wf, (r) => roles.get(r)?.role?.name ?? null);
  const version = await transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "workflow"."workflows" WHERE id = ${id} FOR UPDATE`;
    const last = await tx.workflowVersion.findFirst({ where: { workflowId: id }, orderBy: { version: 'desc' } });
    const v = await tx.workflowVersion.create({
      data: {
        workflowId: id,
        version: (last?.version ?? 0) + 1,
        name: wf.name,
        snapshot: snapshot as never,
        deployedBy: actor.id,
        note: input.note,
      },
    });
    await tx.workflow.update({ where: { id }, data: { status: 'deployed', currentVersionId: v.id } });
    await writeAudit(tx, actor, {
      context: 'workflow',
      action: 'workflow_deployed',
      entityType: 'workflow',
      entityId: id,
      newValues: { version: v.version, note: input.note },
    });
    return v;
  });
  return { workflow_id: id, status: 'deployed', version: version.version, message: 'Workflow deployed successfully' };
}

export async function pauseWorkflow(actor: Actor, id: number) {
  assertCanManageWorkflows(actor);
  const wf = await db.workflow.findUnique({ where: { id } });
  if (!wf) throw notFound('Workflow', 'WORKFLOW_NOT_FOUND');
  if (wf.status !== 'deployed') throw conflict('Only a deployed workflow can be paused', 'WORKFLOW_NOT_DEPLOYED');
  await transaction(async (tx) => {
    await tx.workflow.update({ where: { id }, data: { status: 'paused' } });
    await writeAudit(tx, actor, { context: 'workflow', action: 'workflow_paused', entityType: 'workflow', entityId: id });
  });
  return { workflow_id: id, status: 'paused', message: 'Workflow paused: new tickets are no longer routed to it' };
}

/** Refused while any task of any version is open; finished tasks keep their frozen version. */
export async function deleteWorkflow(actor: Actor, id: number) {
  assertCanManageWorkflows(actor);
  const wf = await db.workflow.findUnique({ where: { id } });
  if (!wf) throw notFound('Workflow', 'WORKFLOW_NOT_FOUND');
  await transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "workflow"."workflows" WHERE id = ${id} FOR UPDATE`;
    const open = await tx.task.count({ where: { workflowId: id, status: { in: ['pending', 'in_progress'] } } });
    if (open)
      throw conflict(
        `The workflow has ${open} open task${open === 1 ? '' : 's'}; finish or close them first`,
        'WORKFLOW_IN_USE',
        { open_tasks: open },
      );
    await tx.workflow.delete({ where: { id } });
    await writeAudit(tx, actor, {
      context: 'workflow',
      action: 'workflow_deleted',
      entityType: 'workflow',
      entityId: id,
      oldValues: { name: wf.name },
    });
  });
}
