import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { assignee, signIn, token } from './helpers';

/**
 * Issue 19: every portal page (employee, coordinator, agent and admin homes with their list and detail pages,
 * sign-in, profile, notifications, the 404) has no serious or critical axe-core violation (WCAG 2.1 A/AA), and
 * at 390 × 844 (a phone) none scrolls sideways; the agent's task actions sit in the first screen.
 */

const run = Date.now().toString(36);
const PHONE = { width: 390, height: 844 };

/** A routed ticket (employee1 → coordinator1 approves → the workflow assigns a Support Agent) to open detail pages on. */
async function routedTicket(request: APIRequestContext) {
  const employee = await token(request, 'employee1');
  const created = await request.post('/hdts/api/tickets/', {
    headers: { Authorization: `Bearer ${employee}` },
    data: {
      subject: `Docking station flickers ${run}`,
      description: 'Accessibility and phone-width e2e',
      category: 'IT Support',
      sub_category: 'Technical Assistance',
    },
  });
  expect(created.status()).toBe(201);
  const t = (await created.json()) as { id: number; ticket_number: string };
  const coordinator = await token(request, 'coordinator1');
  const approved = await request.post(`/hdts/api/tickets/${t.id}/approve/`, {
    headers: { Authorization: `Bearer ${coordinator}` },
    data: { priority: 'High', department: 'IT Department' },
  });
  expect(approved.status()).toBeLessThan(300);
  const admin = await token(request, 'admin');
  const { username, taskId } = await assignee(request, admin, t.ticket_number);
  const task = await (await request.get(`/tts/tasks/${taskId}/`, { headers: { Authorization: `Bearer ${admin}` } })).json();
  const owner = await (
    await request.get(`/auth/api/v1/users/${task.owner_id}/`, { headers: { Authorization: `Bearer ${admin}` } })
  ).json();
  // the help desk learns the assignee from the workflow's message (then the agent may read the ticket)
  const agentToken = await token(request, username);
  await expect
    .poll(
      async () =>
        (await request.get(`/hdts/api/tickets/${t.id}/`, { headers: { Authorization: `Bearer ${agentToken}` } })).status(),
      { timeout: 15_000 },
    )
    .toBe(200);
  return { number: t.ticket_number, agent: username as string, taskId, owner: owner.username as string };
}

/** The first link on `path` whose address starts with `prefix` (a detail page of a list). */
async function firstLink(page: Page, path: string, prefix: string): Promise<string> {
  await page.goto(path);
  const href = await page.locator(`main a[href^="${prefix}"]`).first().getAttribute('href');
  expect(href, `a link to ${prefix}… on ${path}`).toBeTruthy();
  return href as string;
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Whether the page scrolls sideways, and if so what makes it (for the failure message): the innermost elements
 * whose hiding alone brings the page back to the screen's width.
 */
async function sideways(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const culprits: string[] = [];
    if (root.scrollWidth <= width) return { overflow: false, scrollWidth: root.scrollWidth, width, culprits };
    const fixedWithout = (el: HTMLElement) => {
      const before = el.style.display;
      el.style.display = 'none';
      const fits = root.scrollWidth <= width;
      el.style.display = before;
      return fits;
    };
    const nameOf = (el: Element) =>
      `${el.tagName.toLowerCase()}.${String(el.getAttribute('class')).slice(0, 60)} "${(el.textContent ?? '').slice(0, 40)}"`;
    const descend = (el: Element) => {
      const guilty = Array.from(el.children).filter((c): c is HTMLElement => c instanceof HTMLElement && fixedWithout(c));
      if (!guilty.length) culprits.push(nameOf(el));
      for (const c of guilty) descend(c);
    };
    descend(document.body);
    return { overflow: true, scrollWidth: root.scrollWidth, width, culprits: culprits.slice(0, 8) };
  });
}

/** Signs `username` in twice — a desktop browser and a phone — and checks each page in both. */
async function checkPages(browser: Browser, username: string | null, paths: (desktop: Page) => Promise<string[]>) {
  const desktop = await (await browser.newContext()).newPage();
  const phone = await (await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true })).newPage();
  if (username) {
    await signIn(desktop, username);
    await signIn(phone, username);
  }
  const problems: string[] = [];
  for (const path of await paths(desktop)) {
    await desktop.goto(path);
    await expect(desktop.locator('h1').first()).toBeVisible();
    for (const v of await seriousViolations(desktop)) problems.push(`${path}: ${v}`);
    await phone.goto(path);
    await expect(phone.locator('h1').first()).toBeVisible();
    const s = await sideways(phone);
    if (s.overflow) problems.push(`${path} at 390 px: ${s.scrollWidth}px wide > ${s.width}px — ${s.culprits.join('; ')}`);
  }
  await desktop.context().close();
  await phone.context().close();
  expect(problems, problems.join('\n')).toEqual([]);
}

test.describe('accessibility and phone width (issue 19)', () => {
  test.describe.configure({ timeout: 240_000 });
  let t: Awaited<ReturnType<typeof routedTicket>>;
  test.beforeAll(async ({ request }) => {
    t = await routedTicket(request);
  });

  test('sign-in, the 404 and a signed-out page', async ({ browser }) => {
    await checkPages(browser, null, async () => ['/login', '/forgot-password', '/no-such-page-here']);
  });

  test('employee pages', async ({ browser }) => {
    await checkPages(browser, 'employee1', async (page) => [
      '/employee',
      '/employee/tickets',
      `/employee/tickets/${t.number}`,
      '/employee/tickets/new',
      '/employee/knowledge',
      await firstLink(page, '/employee/knowledge', '/employee/knowledge/'),
      '/notifications',
      '/profile',
    ]);
  });

  test('coordinator pages', async ({ browser }) => {
    await checkPages(browser, t.owner, async (page) => [
      '/coordinator',
      '/coordinator/triage',
      '/coordinator/tickets',
      `/coordinator/tickets/${t.number}`,
      '/coordinator/owned',
      `/coordinator/owned/${t.number}`,
      '/coordinator/feedback',
      '/coordinator/knowledge',
      await firstLink(page, '/coordinator/knowledge', '/coordinator/knowledge/'),
    ]);
  });

  test('agent pages', async ({ browser }) => {
    await checkPages(browser, t.agent, async () => [
      '/agent',
      '/agent/tasks',
      `/agent/tasks/${t.taskId}`,
      '/agent/knowledge',
      '/profile',
    ]);
  });

  test('admin pages', async ({ browser }) => {
    await checkPages(browser, 'admin', async (page) => [
      '/admin',
      '/admin/tasks',
      '/admin/audit',
      '/admin/users',
      '/admin/catalog',
      '/admin/workflows',
      await firstLink(page, '/admin/workflows', '/admin/workflows/'),
      '/admin/roles',
      '/admin/calendars',
      '/admin/queues',
      '/admin/notifications/deliveries',
      '/admin/knowledge',
    ]);
  });

  test('on a phone the navigation is a menu button and the task actions are in the first screen', async ({ browser }) => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await signIn(page, t.agent);
    await page.goto(`/agent/tasks/${t.taskId}`);
    const actions = page.locator('section[aria-labelledby="actions"]');
    const buttons = actions.getByRole('button');
    await expect(buttons.first()).toBeVisible();
    expect(await buttons.count()).toBeGreaterThan(0);
    for (const box of await Promise.all((await buttons.all()).map((b) => b.boundingBox()))) {
      expect(box).not.toBeNull();
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(PHONE.height);
    }

    // the navigation collapses: its links appear after the menu button is pressed, and it opens My tasks
    const nav = page.getByRole('navigation', { name: 'Agent navigation' });
    const menu = nav.getByRole('button', { name: /Menu/ });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(nav.getByRole('link', { name: 'My tasks' })).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await nav.getByRole('link', { name: 'My tasks' }).click();
    await expect(page).toHaveURL(/\/agent\/tasks$/);
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await context.close();
  });
});
