/**
 * npm run db:seed — idempotent demo data: roles, demo users (password SEED_PASSWORD, default
 * Switchboard!2026), and the help-desk catalog. Running it twice changes nothing.
 */
import { pathToFileURL } from 'node:url';
import type { PrismaClient } from '../lib/generated/prisma/client';

export const HDTS_ROLES = [
  {
    name: 'Employee',
    description: 'Submits tickets and follows their progress',
    permissions: ['create_ticket', 'view_own_tickets'],
  },
  {
    name: 'Ticket Coordinator',
    description: 'Triages tickets and owns them through the workflow',
    permissions: ['view_owned_tickets', 'update_status', 'assign'],
  },
  { name: 'Admin', description: 'Full help-desk access', permissions: ['*'] },
  {
    name: 'Knowledge Editor',
    description: 'Writes, publishes and archives knowledge-base articles',
    permissions: ['write_articles', 'publish_articles'],
  },
];

export const TTS_ROLES = [
  { name: 'Admin', description: 'Full workflow management', permissions: ['*'] },
  { name: 'Support Agent', description: 'First-line support: triage and resolve', permissions: ['view_task', 'act_on_task'] },
  { name: 'Specialist', description: 'Second-line technical specialists', permissions: ['view_task', 'act_on_task'] },
  { name: 'Approver', description: 'Final approval authority', permissions: ['view_task', 'act_on_task', 'approve'] },
];

export const DEMO_USERS: { username: string; first: string; last: string; roles: ['hdts' | 'tts', string][] }[] = [
  {
    username: 'admin',
    first: 'Alex',
    last: 'Morgan',
    roles: [
      ['hdts', 'Admin'],
      ['tts', 'Admin'],
    ],
  },
  { username: 'coordinator1', first: 'Casey', last: 'Reyes', roles: [['hdts', 'Ticket Coordinator']] },
  {
    username: 'coordinator2',
    first: 'Jordan',
    last: 'Lee',
    roles: [
      ['hdts', 'Ticket Coordinator'],
      ['hdts', 'Knowledge Editor'],
    ],
  },
  { username: 'agent1', first: 'Sam', last: 'Patel', roles: [['tts', 'Support Agent']] },
  { username: 'agent2', first: 'Riley', last: 'Chen', roles: [['tts', 'Support Agent']] },
  {
    username: 'agent3',
    first: 'Taylor',
    last: 'Brooks',
    roles: [
      ['tts', 'Specialist'],
      ['hdts', 'Knowledge Editor'],
    ],
  },
  { username: 'agent4', first: 'Morgan', last: 'Diaz', roles: [['tts', 'Specialist']] },
  { username: 'agent5', first: 'Jamie', last: 'Fox', roles: [['tts', 'Approver']] },
  { username: 'agent6', first: 'Avery', last: 'Kim', roles: [['tts', 'Approver']] },
  { username: 'employee1', first: 'Emma', last: 'Wilson', roles: [['hdts', 'Employee']] },
  { username: 'employee2', first: 'Noah', last: 'Garcia', roles: [['hdts', 'Employee']] },
];

export async function seedIdentity(db: PrismaClient, password: string) {
  const { hashPassword } = await import('../lib/domain/identity/password');
  for (const [system, roles] of [
    ['hdts', HDTS_ROLES],
    ['tts', TTS_ROLES],
  ] as const) {
    for (const r of roles) {
      await db.role.upsert({ where: { system_name: { system, name: r.name } }, create: { system, ...r }, update: {} });
    }
  }
  const passwordHash = await hashPassword(password);
  for (const u of DEMO_USERS) {
    const user = await db.user.upsert({
      where: { email: `${u.username}@example.com` },
      create: { username: u.username, email: `${u.username}@example.com`, firstName: u.first, lastName: u.last, passwordHash },
      update: {},
    });
    for (const [system, name] of u.roles) {
      const role = await db.role.findUniqueOrThrow({ where: { system_name: { system, name } } });
      await db.userRole.upsert({
        where: { userId_roleId: { userId: user.id, roleId: role.id } },
        create: { userId: user.id, roleId: role.id },
        update: {},
      });
    }
  }
}

export async function seedCatalog(db: PrismaClient) {
  const { CATEGORIES, DEPARTMENTS } = await import('../lib/domain/helpdesk/catalog');
  for (const name of DEPARTMENTS) await db.department.upsert({ where: { name }, create: { name }, update: {} });
  for (const c of CATEGORIES) {
    const department = c.department ? await db.department.findUniqueOrThrow({ where: { name: c.department } }) : null;
    const category = await db.category.upsert({
      where: { name: c.name },
      create: { name: c.name, departmentId: department?.id ?? null },
      update: {},
    });
    for (const name of c.subCategories) {
      await db.subCategory.upsert({
        where: { categoryId_name: { categoryId: category.id, name } },
        create: { name, categoryId: category.id },
        update: {},
      });
    }
  }
}

/** Later contexts append their demo data here (workflows, ...). Each must be idempotent. */
export const SEEDERS: ((db: PrismaClient) => Promise<void>)[] = [
  // Deployed demo workflows (IT Support, Asset Check In/Out, New Budget Proposal) on the seeded TTS roles.
  async () => (await import('../lib/domain/workflow/demo')).seedDemoWorkflows(),
  // Knowledge-base articles for the seeded categories (written by coordinator2, a Knowledge Editor).
  async () => (await import('../lib/domain/knowledge/demo')).seedDemoArticles(),
  // Dashboards: coordinator1's tickets in every SLA state, resolved this week, twelve weeks of CSAT, a triage queue.
  async () => (await import('../lib/domain/reporting/demo')).seedDemoDashboards(),
  // A business-hours calendar for the budget workflow (after the dashboards: their tickets keep 24×7).
  async () => (await import('../lib/domain/workflow/demo')).seedDemoCalendars(),
];

export async function seed() {
  const { env } = await import('../lib/server/env');
  const { db } = await import('../lib/server/db');
  await seedIdentity(db, env.SEED_PASSWORD);
  await seedCatalog(db);
  for (const s of SEEDERS) await s(db);
  console.log('Seeded demo data.');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { ensureDatabase, stopDatabase } = await import('../lib/server/db/runtime');
  const { applyMigrations } = await import('../lib/server/db/migrations');
  const { disconnectDb } = await import('../lib/server/db');
  await applyMigrations(await ensureDatabase());
  await seed();
  await disconnectDb();
  await stopDatabase();
}
