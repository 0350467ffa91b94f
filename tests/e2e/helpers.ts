import { type APIRequestContext, type Browser, expect, type Page } from '@playwright/test';
import { streamedContentSettled } from './fixtures';

export const PASSWORD = 'Switchboard!2026';

/** Sign in through the login page and wait for the landing portal. */
export async function signIn(page: Page, username: string, password = PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Email or username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await streamedContentSettled(page);
}

/**
 * Open a portal page and wait until its session re-read has answered. next-auth's SessionProvider reads
 * /api/auth/session when the page mounts, and that answer rolls the session cookie: a test that ends the session
 * (clears the cookies) while the read is in flight has its cookie put back, and is still signed in.
 */
export async function openSettled(page: Page, path: string) {
  const sessionRead = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/session');
  await page.goto(path);
  await (await sessionRead).finished();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
}

export async function token(request: APIRequestContext, username: string) {
  const res = await request.post('/auth/token/', { data: { username, password: PASSWORD } });
  expect(res.status()).toBe(200);
  return (await res.json()).access as string;
}

/** The current assignee's username of a ticket's task (read through the workflow API as admin). */
export async function assignee(
  request: APIRequestContext,
  adminToken: string,
  ticketNumber: string,
): Promise<{ username: string; taskId: number }> {
  let task: { task_id: number; assigned_user: number | null } | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get(`/tts/tasks/?ticket_number=${ticketNumber}`, {
          headers: { Authorization: `Bearer ${adminToken}` },
        });
        task = (await res.json()).results?.[0];
        return task?.assigned_user ?? null;
      },
      { timeout: 20_000 },
    )
    .not.toBeNull();
  const user = await request.get(`/auth/api/v1/users/${task?.assigned_user}/`, {
    headers: { Authorization: `Bearer ${adminToken}` },
  });
  return { username: (await user.json()).username, taskId: task?.task_id as number };
}

/** Choose the option of a select whose text matches. */
export async function selectByText(page: Page, selector: string, text: RegExp) {
  const label = await page.locator(`${selector} option`).filter({ hasText: text }).first().textContent();
  await page.locator(selector).selectOption({ label: label ?? '' });
}

export async function as(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

/** The current assignee signs in, opens the task, picks the action and submits it with notes. */
export async function act(
  browser: Browser,
  request: APIRequestContext,
  adminToken: string,
  ticketNumber: string,
  subject: string,
  action: RegExp,
  notes: string,
) {
  const { username, taskId } = await assignee(request, adminToken, ticketNumber);
  const page = await as(browser, username);
  await page.goto(`/agent/tasks/${taskId}`);
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();
  await selectByText(page, '#action', action);
  await page.getByLabel('Notes').fill(notes);
  await page.getByRole('button', { name: 'Submit action' }).click();
  // Once acted on, the assignment is no longer actionable: the form disappears.
  await expect(page.getByText('No action is open for you on this task.')).toBeVisible();
  await page.context().close();
}

/**
 * The workflow finishes a routed ticket's task (as admin, through the workflow API: the forward transition of each
 * step, then Finalize); the help desk then reads Resolved. While a workflow works a ticket the help desk does not
 * resolve it itself (issue 16: both sides stay consistent).
 */
export async function finishWorkflow(request: APIRequestContext, adminToken: string, ticketNumber: string, notes: string) {
  const headers = { Authorization: `Bearer ${adminToken}` };
  const { taskId } = await assignee(request, adminToken, ticketNumber);
  for (let step = 0; step < 10; step++) {
    const res = await request.get(`/tts/tasks/${taskId}/available-actions/`, { headers });
    expect(res.status(), await res.text()).toBe(200);
    const now = (await res.json()) as {
      task_item_id: number | null;
      available_actions: { action_id: number | string; name: string; kind: string }[];
    };
    const finalize = now.available_actions.find((a) => a.kind === 'finalize');
    const forward = now.available_actions.find((a) => a.kind === 'transition' && a.name !== 'reject');
    const next = finalize ?? forward;
    expect(next, JSON.stringify(now)).toBeTruthy();
    const acted = await request.post('/tts/transitions/', {
      headers,
      data: { task_item_id: now.task_item_id, transition_id: finalize ? null : next?.action_id, notes },
    });
    expect(acted.status(), await acted.text()).toBeLessThan(300);
    if (finalize) break;
  }
  await expect
    .poll(
      async () => (await (await request.get(`/hdts/api/tickets/number/${ticketNumber}/`, { headers })).json()).status as string,
      { timeout: 20_000 },
    )
    .toBe('Resolved');
}
