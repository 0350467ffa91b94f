/** Demo workflows for `npm run db:seed` (idempotent: a workflow whose name exists is left alone). */

import type { z } from 'zod';
import { roleByName } from '@/lib/domain/identity/directory';
import { db } from '@/lib/server/db';
import type { Actor } from '../actor';
import { calendarInput } from '../sla/calendar-schemas';
import { createCalendar } from './calendars';
import { createWorkflow, deployWorkflow } from './definitions';
import { workflowCreateInput } from './schemas';

type Definition = z.input<typeof workflowCreateInput>;

const SEED_ADMIN: Actor = {
  id: 0,
  email: 'seed@switchboard',
  username: 'seed',
  name: 'Seed',
  roles: [{ system: 'tts', role: 'Admin', system_role_id: 0 }],
};
const SLAS = { urgent_sla: 'PT4H', high_sla: 'PT8H', medium_sla: 'P2D', low_sla: 'P5D' };

async function roleId(name: string): Promise<number> {
  const role = await roleByName('tts', name);
  if (!role) throw new Error(`Seed needs the TTS role "${name}"`);
  return role.id;
}

export async function seedDemoWorkflows(): Promise<void> {
  const agent = await roleId('Support Agent');
  const specialist = await roleId('Specialist');
  const approver = await roleId('Approver');
  const definitions: Definition[] = [
    {
      name: 'IT Support Workflow',
      description: 'Generic IT support: triage, resolution by a specialist, verification',
      department: 'IT Department',
      category: 'IT Support',
      sub_category: null,
      ...SLAS,
      steps: [
        {
          name: 'Triage',
          description: 'First look',
          instruction: 'Check the request, gather missing details and pass it to a specialist.',
          role_id: agent,
          escalate_to_role_id: specialist,
          weight: 1,
          is_start: true,
          is_end: false,
        },
        {
          name: 'Resolution',
          description: 'Fix the problem',
          instruction: 'Resolve the issue; reject back to triage when information is missing.',
          role_id: specialist,
          escalate_to_role_id: approver,
          weight: 2,
          is_start: false,
          is_end: false,
        },
        {
          name: 'Verification',
          description: 'Confirm the fix',
          instruction: 'Confirm the fix with the requester and finalize.',
          role_id: approver,
          weight: 1,
          is_start: false,
          is_end: true,
        },
      ],
      transitions: [
        { from_step: 'Triage', to_step: 'Resolution', name: 'submit' },
        { from_step: 'Resolution', to_step: 'Verification', name: 'resolve' },
        { from_step: 'Resolution', to_step: 'Triage', name: 'reject' },
      ],
    },
    ...(['Asset Check In', 'Asset Check Out'] as const).map((category) => ({
      name: `${category} Workflow`,
      description: `Asset desk: ${category.toLowerCase()}`,
      department: 'Asset Department',
      category,
      sub_category: null,
      ...SLAS,
      steps: [
        {
          name: 'Asset Review',
          description: '',
          instruction: 'Check the asset record and the request.',
          role_id: agent,
          escalate_to_role_id: specialist,
          weight: 1,
          is_start: true,
          is_end: false,
        },
        {
          name: 'Asset Approval',
          description: '',
          instruction: 'Approve the movement and update the register.',
          role_id: approver,
          weight: 1,
          is_start: false,
          is_end: true,
        },
      ],
      transitions: [
        { from_step: 'Asset Review', to_step: 'Asset Approval', name: 'approve' },
        { from_step: 'Asset Approval', to_step: 'Asset Review', name: 'reject' },
      ],
    })),
    {
      name: 'Budget Proposal Workflow',
      description: 'New budget proposals: analysis then approval',
      department: 'Budget Department',
      category: 'New Budget Proposal',
      sub_category: null,
      ...SLAS,
      steps: [
        {
          name: 'Budget Analysis',
          description: '',
          instruction: 'Check the figures and the justification.',
          role_id: specialist,
          escalate_to_role_id: approver,
          weight: 2,
          is_start: true,
          is_end: false,
        },
        {
          name: 'Budget Approval',
          description: '',
          instruction: 'Approve or send back for rework.',
          role_id: approver,
          weight: 1,
          is_start: false,
          is_end: true,
        },
      ],
      transitions: [
        { from_step: 'Budget Analysis', to_step: 'Budget Approval', name: 'submit' },
        { from_step: 'Budget Approval', to_step: 'Budget Analysis', name: 'reject' },
      ],
    },
  ];
  for (const d of definitions) {
    if (await db.workflow.findFirst({ where: { name: d.name } })) continue;
    const { workflow_id } = await createWorkflow(SEED_ADMIN, workflowCreateInput.parse(d));
    await deployWorkflow(SEED_ADMIN, workflow_id, { note: 'First version, set up with the demo data' });
  }
}

/**
 * A demo business-hours calendar (issue 11), used by the budget workflow: its new tickets count office hours
 * only, so the calendar page, the workflow list and the SLA timeline have something to show. Runs after the
 * dashboards' demo tickets (which keep counting around the clock). Idempotent: an existing calendar is kept.
 */
export async function seedDemoCalendars(): Promise<void> {
  const name = 'Head office hours';
  const existing = await db.slaCalendar.findUnique({ where: { name }, select: { id: true } });
  const id =
    existing?.id ??
    (
      await createCalendar(
        SEED_ADMIN,
        calendarInput.parse({
          name,
          description: 'Monday to Friday, 09:00–17:30 London time, closed on bank holidays',
          time_zone: 'Europe/London',
          hours: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:30' })),
          holidays: [
            { date: '2026-12-25', name: 'Christmas Day' },
            { date: '2026-12-28', name: 'Boxing Day (substitute)' },
            { date: '2027-01-01', name: "New Year's Day" },
          ],
        }),
      )
    ).calendar_id;
  await db.workflow.updateMany({
    where: { name: 'Budget Proposal Workflow', calendarId: null },
    data: { calendarId: id },
  });
}
