import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoWorkflows } from '@/lib/domain/workflow/demo';
import { processTicket } from '@/lib/domain/workflow/routing';
import { db } from '@/lib/server/db';
import { startJobs } from '@/lib/server/jobs/workers';
import { payload, taskOf } from './workflow-support';

describe('demo workflows seed', () => {
  beforeAll(async () => {
    await startJobs({ workers: false });
  });

  it('deploys the demo workflows once (idempotent) and routes demo tickets to them', async () => {
    await seedDemoWorkflows();
    await seedDemoWorkflows();
    const names = ['IT Support Workflow', 'Asset Check In Workflow', 'Asset Check Out Workflow', 'Budget Proposal Workflow'];
    const rows = await db.workflow.findMany({ where: { name: { in: names } } });
    expect(rows).toHaveLength(4);
    expect(rows.every((w) => w.status === 'deployed')).toBe(true);
    const it1 = payload({ department: 'IT Department', category: 'IT Support', sub_category: 'Hardware Troubleshooting' });
    expect((await processTicket(it1)).outcome).toBe('routed');
    const task = await taskOf(it1.ticket_number);
    expect(task?.workflowId).toBe(rows.find((w) => w.name === 'IT Support Workflow')?.id);
    const agents = await db.user.findMany({ where: { username: { in: ['agent1', 'agent2'] } } });
    expect(agents.map((a) => a.id)).toContain(task?.items[0].userId);
    const budget = payload({ department: 'Budget Department', category: 'New Budget Proposal' });
    expect((await processTicket(budget)).outcome).toBe('routed');
  });
});
