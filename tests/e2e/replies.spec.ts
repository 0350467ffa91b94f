import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { as, assignee, finishWorkflow, token } from './helpers';
import { mailDir } from './mailbox';

const run = Date.now().toString(36);
// a 2×2 PNG (red, green / blue, white)
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a730000001249444154789c63f8cfc0c000c20cff8100001fee05fb0bd9688b0000000049454e44ae426082',
  'hex',
);
const IMAGE = `screen-${run}.png`;

/** employee1 submits with a screenshot, coordinator1 approves: the demo workflow assigns a Support Agent. */
async function routedTicketWithScreenshot(request: APIRequestContext, subject: string) {
  const employee = await token(request, 'employee1');
  const created = await request.post('/hdts/api/tickets/', {
    headers: { Authorization: `Bearer ${employee}` },
    multipart: {
      subject,
      description: 'The screen shows stripes, screenshot attached',
      category: 'IT Support',
      sub_category: 'Technical Assistance',
      attachments: { name: IMAGE, mimeType: 'image/png', buffer: PNG },
    },
  });
  expect(created.status()).toBe(201);
  const t = (await created.json()) as { id: number; ticket_number: string; attachments: { url: string }[] };
  const coordinator = await token(request, 'coordinator1');
  const approved = await request.post(`/hdts/api/tickets/${t.id}/approve/`, {
    headers: { Authorization: `Bearer ${coordinator}` },
    data: { priority: 'High', department: 'IT Department' },
  });
  expect(approved.status()).toBeLessThan(300);
  const { username, taskId } = await assignee(request, await token(request, 'admin'), t.ticket_number);
  // the help desk learns the assignee from the workflow's message (the agent may then read the thread)
  const agentToken = await token(request, username);
  await expect
    .poll(
      async () =>
        (await request.get(`/hdts/api/tickets/${t.id}/`, { headers: { Authorization: `Bearer ${agentToken}` } })).status(),
      { timeout: 15_000 },
    )
    .toBe(200);
  return { id: t.id, number: t.ticket_number, url: t.attachments[0].url, agent: username, taskId };
}

/** The body of the newest e-mail to `address` that contains `needle` (quoted-printable soft breaks undone). */
async function mailWith(address: string, needle: string): Promise<string> {
  let found = '';
  await expect
    .poll(
      () => {
        for (const f of fs
          .readdirSync(mailDir)
          .filter((name) => name.includes(address))
          .sort()
          .reverse()) {
          const text = fs
            .readFileSync(path.join(mailDir, f), 'utf8')
            .replace(/=\r?\n/g, '')
            .replace(/=3D/g, '=');
          if (text.includes(needle)) {
            found = text;
            return true;
          }
        }
        return false;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return found;
}

/** The image has loaded (the download endpoint answered this reader with an image). */
async function expectLoaded(img: Locator) {
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(2);
}

/** Nothing typed into a reply ever ran in the page. */
async function expectNothingRan(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
}

const REPLY = [
  `**Bold move ${run}**: try these`,
  '',
  '- unplug the dock',
  '- restart the laptop',
  '',
  'Details on the [status page](https://example.com/status).',
  '',
  '<script>window.__pwned = 1</script>',
  '',
  '<img src=x onerror="window.__pwned = 2">',
].join('\n');

test.describe
  .serial('replies: Markdown, image previews and the rating after close', () => {
    let t: Awaited<ReturnType<typeof routedTicketWithScreenshot>>;

    test.beforeAll(async ({ request }) => {
      t = await routedTicketWithScreenshot(request, `Striped screen ${run}`);
    });

    test('an agent writes a Markdown reply checked in Preview; the employee sees it rendered with the script inert', async ({
      browser,
    }) => {
      const agent = await as(browser, t.agent);
      const alerts: string[] = [];
      agent.on('dialog', (d) => {
        alerts.push(d.message());
        void d.dismiss();
      });
      await agent.goto(`/agent/tasks/${t.taskId}`);
      const panel = agent.getByTestId('conversation-comments-public');
      await panel.getByRole('textbox').fill(REPLY);

      // keyboard only: the Write tab, then the arrow key to Preview (Radix tabs)
      const write = panel.getByRole('tab', { name: 'Write' });
      const previewTab = panel.getByRole('tab', { name: 'Preview' });
      await write.focus();
      await agent.keyboard.press('ArrowRight');
      await expect(previewTab).toHaveAttribute('aria-selected', 'true');
      await expect(panel.getByRole('textbox')).toBeHidden();
      const preview = panel.getByTestId('reply-preview');
      await expect(preview.locator('strong')).toHaveText(`Bold move ${run}`);
      await expect(preview.getByRole('listitem')).toHaveText(['unplug the dock', 'restart the laptop']);
      await expect(preview.getByRole('link', { name: 'status page' })).toHaveAttribute('href', 'https://example.com/status');
      await expect(preview).toContainText('<script>window.__pwned = 1</script>');
      await expect(preview.locator('script, img, [onerror]')).toHaveCount(0);

      // back to writing: what was typed is still there
      await agent.keyboard.press('ArrowLeft');
      await expect(write).toHaveAttribute('aria-selected', 'true');
      await expect(panel.getByRole('textbox')).toHaveValue(REPLY);
      await panel.getByRole('button', { name: 'Post' }).click();
      const posted = panel.getByTestId('conversation-item').filter({ hasText: `Bold move ${run}` });
      await expect(posted.locator('strong')).toHaveText(`Bold move ${run}`);
      await expect(posted.locator('script, img')).toHaveCount(0);
      await expect(panel.getByRole('textbox')).toHaveValue('');
      await expectNothingRan(agent);
      expect(alerts).toEqual([]);
      await agent.context().close();

      const employee = await as(browser, 'employee1');
      employee.on('dialog', (d) => {
        alerts.push(d.message());
        void d.dismiss();
      });
      await employee.goto(`/employee/tickets/${t.number}`);
      const reply = employee.locator('section[aria-labelledby="comments"] li').filter({ hasText: `Bold move ${run}` });
      await expect(reply.locator('strong')).toHaveText(`Bold move ${run}`);
      await expect(reply.getByRole('listitem')).toHaveText(['unplug the dock', 'restart the laptop']);
      const link = reply.getByRole('link', { name: 'status page' });
      await expect(link).toHaveAttribute('href', 'https://example.com/status');
      await expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
      // the script and the onerror image are shown as the text that was typed, and never run
      await expect(reply).toContainText('<script>window.__pwned = 1</script>');
      await expect(reply).toContainText('<img src=x onerror="window.__pwned = 2">');
      await expect(reply.locator('script, img, [onerror]')).toHaveCount(0);
      await expectNothingRan(employee);
      expect(alerts).toEqual([]);

      // the employee's own reply box previews the same way
      const box = employee.getByLabel('Add a comment');
      await box.fill('Thanks, **that worked**');
      await employee.getByRole('tab', { name: 'Preview' }).click();
      await expect(employee.getByTestId('reply-preview').locator('strong')).toHaveText('that worked');
      await employee.getByRole('tab', { name: 'Write' }).click();
      await expect(box).toHaveValue('Thanks, **that worked**');
      await employee.context().close();
    });

    test('an image attachment shows a thumbnail that opens larger with a download link, on both sides', async ({ browser }) => {
      const employee = await as(browser, 'employee1');
      await employee.goto(`/employee/tickets/${t.number}`);
      const files = employee.getByRole('region', { name: 'Attachments' });
      await expect(files.getByRole('link', { name: IMAGE })).toHaveAttribute('href', t.url);
      const thumb = files.getByRole('button', { name: `Preview ${IMAGE}` });
      await expectLoaded(thumb.locator('img'));
      await thumb.click();
      const large = employee.getByRole('dialog', { name: IMAGE });
      await expectLoaded(large.getByRole('img', { name: IMAGE }));
      await expect(large.getByRole('link', { name: `Download ${IMAGE}` })).toHaveAttribute('href', t.url);
      await employee.keyboard.press('Escape');
      await expect(large).toBeHidden();
      await expect(thumb).toBeFocused();
      await employee.context().close();

      // the workflow side's list (the assigned agent may download it too)
      const agent = await as(browser, t.agent);
      await agent.goto(`/agent/tasks/${t.taskId}`);
      const agentThumb = agent.getByRole('region', { name: 'Attachments' }).getByRole('button', { name: `Preview ${IMAGE}` });
      await expectLoaded(agentThumb.locator('img'));
      await agent.context().close();
    });

    test('the rating dialog opens when the employee closes the ticket, and from the CSAT e-mail link', async ({
      page,
      browser,
      request,
    }) => {
      // the workflow that took the ticket resolves it (the help desk does not while a workflow works it)
      await finishWorkflow(request, await token(request, 'admin'), t.number, 'Fixed');

      const employee = await as(browser, 'employee1');
      await employee.goto(`/employee/tickets/${t.number}`);
      await employee.getByRole('button', { name: 'Close ticket' }).click();
      await employee.getByRole('alertdialog').getByRole('button', { name: 'Close ticket' }).click();
      const rate = employee.getByRole('dialog', { name: 'How did we do?' });
      await expect(rate).toBeVisible();
      await expect(employee).toHaveURL(new RegExp(`/employee/tickets/${t.number}\\?rate=1$`));
      // "Later": the dialog closes, and a reload does not ask again; the button stays
      await rate.getByRole('button', { name: 'Later' }).click();
      await expect(rate).toBeHidden();
      await expect(employee).toHaveURL(new RegExp(`/employee/tickets/${t.number}$`));
      await employee.reload();
      await expect(employee.getByRole('button', { name: 'Rate support' })).toBeVisible();
      await expect(rate).toHaveCount(0);
      await employee.context().close();

      // The CSAT request e-mail links to the ticket with ?rate=1: following it opens the dialog (after signing in).
      const mail = await mailWith('employee1@example.com', `How did we do on ${t.number}`);
      const link = new RegExp(`https?://[^\\s"<>]+/employee/tickets/${t.number}\\?rate=1`).exec(mail)?.[0];
      expect(link).toBeTruthy();
      await page.goto(link as string);
      await expect(page).toHaveURL(/\/login/);
      await page.getByLabel('Email or username').fill('employee1@example.com');
      await page.getByLabel('Password').fill('Switchboard!2026');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page).toHaveURL(new RegExp(`/employee/tickets/${t.number}`));
      const dialog = page.getByRole('dialog', { name: 'How did we do?' });
      await expect(dialog).toBeVisible();
      await dialog.getByLabel('5 stars').check({ force: true });
      await dialog.getByRole('button', { name: 'Submit rating' }).click();
      await expect(page.getByText('Thank you for your feedback')).toBeVisible();
      await expect(dialog).toBeHidden();
      await expect(page.getByText('5 of 5')).toBeVisible();
      // rated: the link no longer asks
      await page.goto(link as string);
      await expect(page.getByText('5 of 5')).toBeVisible();
      await expect(page.getByRole('dialog', { name: 'How did we do?' })).toHaveCount(0);
    });
  });
