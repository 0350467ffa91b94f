import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/domain/actor';
import { loadActor } from '@/lib/domain/identity/queries';
import { seedDemoDashboards } from '@/lib/domain/reporting/demo';
import { coordinatorHome } from '@/lib/domain/reporting/queries';
import { seedDemoWorkflows } from '@/lib/domain/workflow/demo';
import { db } from '@/lib/server/db';

describe('dashboards demo seed', () => {
  it("gives coordinator1's home something in every tile, once (idempotent)", async () => {
    await seedDemoWorkflows();
    const now = new Date();
    await seedDemoDashboards(now);
    const counts = async () => [await db.ticket.count(), await db.task.count(), await db.taskItem.count()];
    const first = await counts();
    await seedDemoDashboards(now);
    expect(await counts()).toEqual(first);

    const user = await db.user.findUniqueOrThrow({ where: { username: 'coordinator1' } });
    const coordinator = (await loadActor(user.id)) as Actor;
    const home = await coordinatorHome(coordinator, { weeks: 12 }, now);
    expect(home.owned_by_sla).toEqual({ breached: 3, at_risk: 2, on_track: 4 });
    expect(home.resolved_this_week).toBe(3);
    expect(home.triage.count).toBe(3);
    expect(home.csat.count).toBeGreaterThanOrEqual(12);
    expect(home.csat.weeks.filter((w) => w.count > 0).length).toBeGreaterThanOrEqual(10);
  });
});
