import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { act, as, assignee, selectByText, signIn, token } from './helpers';

const run = Date.now().toString(36);
const WORKFLOW = `E2E printer workflow ${run}`;
const SUB = 'Printer/Scanner Setup or Issue';
const SUBJECT = `Printer jams ${run}`;

/** Drag from a step's bottom handle to another step's top handle, as a person would with the mouse. */
async function connect(page: Page, from: string, to: string) {
  const canvas = page.getByRole('region', { name: 'Workflow canvas' });
  const source = canvas.getByLabel(`Step ${from}`).locator('.react-flow__handle.source');
  const target = canvas.getByLabel(`Step ${to}`).locator('.react-flow__handle.target');
  await canvas.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const a = await source.boundingBox();
  const b = await target.boundingBox();
  if (!a || !b) throw new Error('handles not visible');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** The coordinator approves a help-desk ticket (High, IT Department), which sends it into the workflow engine. */
async function approve(request: APIRequestContext, ticketId: number) {
  const coordinator = await token(request, 'coordinator1');
  const approved = await request.post(`/hdts/api/tickets/${ticketId}/approve/`, {
    headers: { Authorization: `Bearer ${coordinator}` },
    data: { priority: 'High', department: 'IT Department' },
  });
  expect(approved.status()).toBeLessThan(300);
}

test.describe
  .serial('workflow engine journey', () => {
    let ticketNumber = '';

    test('an admin builds a four-step workflow with a reject loop on the canvas, dry-runs it, deploys it, edits it into a draft and compares the versions', async ({
      page,
      request,
    }) => {
      // A designer journey with a dry run and two deploys: the budget is for a loaded machine; every step waits for a state.
      test.setTimeout(180_000);
      // A printer ticket approved before the new workflow exists: the live generic IT workflow takes it today,
      // and the dry run must name it as one the new workflow would take.
      const employee = await token(request, 'employee1');
      const early = await request.post('/hdts/api/tickets/', {
        headers: { Authorization: `Bearer ${employee}` },
        data: { subject: `${SUBJECT} (before)`, description: 'Printer offline', category: 'IT Support', sub_category: SUB },
      });
      expect(early.status()).toBe(201);
      const earlyTicket = await early.json();
      await approve(request, earlyTicket.id);

      await signIn(page, 'admin');
      await page.goto('/admin/workflows/new');
      await page.getByLabel('Workflow name').fill(WORKFLOW);
      await page.getByLabel('Department').selectOption('IT Department');
      await page.getByLabel('Category', { exact: true }).selectOption('IT Support');
      await page.getByLabel('Sub-category').selectOption(SUB);
      await expect(page.getByLabel('High amount')).toHaveValue('8');
      await expect(page.getByLabel('High unit')).toHaveValue('hours');

      const canvas = page.getByRole('region', { name: 'Workflow canvas' });
      const panel = page.getByRole('region', { name: 'Selected step' });
      const problems = page.getByRole('list', { name: 'Problems', exact: true });
      const steps: [string, string][] = [
        ['Triage', 'Support Agent'],
        ['Resolution', 'Specialist'],
        ['Approval', 'Approver'],
        ['Verification', 'Approver'],
      ];
      for (const [name, role] of steps) {
        await page.getByRole('button', { name: 'Add step' }).click();
        await panel.getByLabel('Step name').fill(name);
        await selectByText(page, '#step-role', new RegExp(`^${role} \\(`));
        await panel.getByLabel('Instructions for the assignee').fill(`Do the ${name.toLowerCase()}`);
        await expect(canvas.getByLabel(`Step ${name}`)).toBeVisible();
      }
      // The live check uses deploy's rules: no end step yet, and the later steps cannot be reached.
      await expect(problems).toContainText('No end step: flag at least one step as end');
      await expect(problems).toContainText('Step "Resolution" cannot be reached from the start step');
      await expect(canvas.getByLabel('Step Resolution').getByText('Needs attention')).toBeVisible();

      const transitions: [string, string, string][] = [
        ['Triage', 'Resolution', 'submit'],
        ['Resolution', 'Approval', 'resolve'],
        ['Approval', 'Verification', 'approve'],
        ['Resolution', 'Triage', 'reject'],
      ];
      for (const [from, to, name] of transitions) {
        await connect(page, from, to);
        const edge = page.getByRole('region', { name: 'Selected transition' });
        await expect(edge).toContainText(`From ${from} to ${to}`);
        await edge.getByLabel('Action name').fill(name);
      }
      await canvas.getByLabel('Step Verification').click();
      await panel.getByLabel('Tickets can finish here').check();
      await expect(page.getByText('No problems found.')).toBeVisible();
      await expect(canvas.getByLabel('Step Resolution').getByText('Needs attention')).toBeHidden();

      // A stray step: delete it with the keyboard, undo brings it back, redo removes it again.
      await page.getByRole('button', { name: 'Add step' }).click();
      await expect(canvas.getByLabel('Step Step 5')).toBeVisible();
      await canvas.getByLabel('Step Step 5').click();
      await page.keyboard.press('Delete');
      await expect(canvas.getByLabel('Step Step 5')).toHaveCount(0);
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect(canvas.getByLabel('Step Step 5')).toBeVisible();
      await page.getByRole('button', { name: 'Redo' }).click();
      await expect(canvas.getByLabel('Step Step 5')).toHaveCount(0);
      await page.getByRole('button', { name: 'Arrange' }).click();

      await page.getByRole('button', { name: 'Create workflow' }).click();
      await expect(page).toHaveURL(/\/admin\/workflows\/\d+$/);

      // Dry run of the saved draft: the early ticket (live IT workflow today, this one after deploy) and an example.
      const admin = await token(request, 'admin');
      await assignee(request, admin, earlyTicket.ticket_number);
      const dry = page.getByRole('region', { name: 'Try it on tickets' });
      await dry.getByLabel('Example ticket subject').fill('Printer on floor 3 jams');
      await dry.getByLabel('Its priority').selectOption('High');
      await dry.getByRole('button', { name: 'Dry run' }).click();
      const tried = page.getByRole('table', { name: 'Tickets in the dry run' });
      const example = tried.getByRole('row', { name: /Your example/ });
      await expect(example).toContainText(WORKFLOW);
      await expect(example).toContainText(/Sam Patel|Riley Chen/);
      await expect(example).toContainText('Triage');
      await expect(example).toContainText('Verification');
      const replayed = tried.getByRole('row', { name: new RegExp(earlyTicket.ticket_number) });
      await expect(replayed).toContainText('IT Support Workflow');
      await expect(replayed).toContainText(WORKFLOW);
      await expect(replayed).toContainText(/Sam Patel|Riley Chen/);
      await expect(page.getByRole('region', { name: 'Dry run result' })).toContainText('It could be deployed as it is.');

      await page.getByRole('button', { name: 'Deploy' }).click();
      const deployDialog = page.getByRole('dialog', { name: 'Deploy this workflow' });
      await deployDialog.getByLabel('What changed (optional)').fill('First version: printers get their own workflow');
      await deployDialog.getByRole('button', { name: 'Deploy now' }).click();
      await expect(page.getByText('Live · v1')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Deploy' })).toHaveCount(0);
      await expect(page.getByText('Everything is deployed')).toBeVisible();
      const versions = page.getByRole('table', { name: 'Deployed versions' });
      await expect(versions.getByRole('row', { name: /v1/ })).toContainText('First version: printers get their own workflow');

      // Edit into a draft: High gets 6 hours. Saved, it changes nothing live until deployed; the diff says what changed.
      await page.getByLabel('High amount').fill('6');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect(page.getByText('Changes not deployed yet')).toBeVisible();
      await expect(page.getByText('Live · v1')).toBeVisible();
      await page.getByLabel('Compare', { exact: true }).selectOption({ label: 'Version 1' });
      await page.getByLabel('with', { exact: true }).selectOption({ label: 'Draft (being edited)' });
      await page.getByRole('button', { name: 'Show changes' }).click();
      const changes = page.getByRole('region', { name: 'Changes between versions' });
      await expect(changes).toContainText('From version 1 to the draft');
      await expect(changes).toContainText('High priority: 8 hours → 6 hours');

      await page.getByRole('button', { name: 'Deploy' }).click();
      await deployDialog.getByLabel('What changed (optional)').fill('High priority within 6 hours');
      await deployDialog.getByRole('button', { name: 'Deploy now' }).click();
      await expect(page.getByText('Live · v2')).toBeVisible();
      await expect(versions.getByRole('row', { name: /v2/ })).toContainText('High priority within 6 hours');
      await page.getByLabel('Compare', { exact: true }).selectOption({ label: 'Version 1' });
      await page.getByLabel('with', { exact: true }).selectOption({ label: 'Version 2' });
      await page.getByRole('button', { name: 'Show changes' }).click();
      await expect(changes).toContainText('From version 1 to version 2');
      await expect(changes).toContainText('High priority: 8 hours → 6 hours');
      await page.goto('/admin/workflows?status=deployed');
      await expect(page.getByRole('link', { name: WORKFLOW })).toBeVisible();
    });

    test('a ticket approved in the help desk enters it; an agent acts through the loop to finalize; the coordinator follows it', async ({
      browser,
      request,
    }) => {
      // A long journey: agents sign in and act step after step (about 30 s on an idle machine); the budget is for
      // a machine loaded several times over, as CI beside other work is. Every step waits for a state, not for time.
      test.setTimeout(240_000);
      const employee = await token(request, 'employee1');
      const created = await request.post('/hdts/api/tickets/', {
        headers: { Authorization: `Bearer ${employee}` },
        data: { subject: SUBJECT, description: 'Paper jams every page', category: 'IT Support', sub_category: SUB },
      });
      expect(created.status()).toBe(201);
      const ticket = await created.json();
      ticketNumber = ticket.ticket_number;
      await approve(request, ticket.id);
      const admin = await token(request, 'admin');

      await act(browser, request, admin, ticketNumber, SUBJECT, /^submit/, 'Checked the printer model');
      await act(browser, request, admin, ticketNumber, SUBJECT, /^reject/, 'Need the printer location');
      await act(browser, request, admin, ticketNumber, SUBJECT, /^submit/, 'Location added: floor 2');

      // The owning coordinator sees the ticket in progress at Resolution.
      const { taskId } = await assignee(request, admin, ticketNumber);
      const owner = await request.get(`/tts/tasks/${taskId}/`, { headers: { Authorization: `Bearer ${admin}` } });
      const ownerUser = await request.get(`/auth/api/v1/users/${(await owner.json()).owner_id}/`, {
        headers: { Authorization: `Bearer ${admin}` },
      });
      const ownerPage = await as(browser, (await ownerUser.json()).username);
      await ownerPage.goto(`/coordinator/owned?search=${ticketNumber}`);
      const row = ownerPage.getByRole('row', { name: new RegExp(ticketNumber) });
      await expect(row).toContainText('Resolution');
      await expect(row).toContainText('in progress');
      // The diagram of the ticket shows where it is: Resolution current, Triage done, the later steps not reached.
      await ownerPage.goto(`/coordinator/owned/${ticketNumber}`);
      const diagram = ownerPage.getByRole('figure', { name: 'Workflow progress diagram' });
      await expect(diagram.getByRole('img', { name: 'Step Resolution: Current step' })).toBeVisible();
      await expect(diagram.getByRole('img', { name: 'Step Triage: Done' })).toBeVisible();
      await expect(diagram.getByRole('img', { name: 'Step Approval: Not reached' })).toBeVisible();
      await expect(diagram.getByRole('img', { name: 'Step Verification: Not reached' })).toBeVisible();
      // The ticket entered the workflow's current version (v2, deployed last).
      const task = await (
        await request.get(`/tts/tasks/?ticket_number=${ticketNumber}`, { headers: { Authorization: `Bearer ${admin}` } })
      ).json();
      expect(task.results[0].workflow_name).toBe(WORKFLOW);

      await act(browser, request, admin, ticketNumber, SUBJECT, /^resolve/, 'Replaced the roller');
      await act(browser, request, admin, ticketNumber, SUBJECT, /^approve/, 'Cost approved');
      await act(browser, request, admin, ticketNumber, SUBJECT, /^Finalize/, 'Confirmed with the requester');

      await ownerPage.goto(`/coordinator/owned?tab=inactive&search=${ticketNumber}`);
      await expect(ownerPage.getByRole('row', { name: new RegExp(ticketNumber) })).toContainText('completed');
      await ownerPage.getByRole('link', { name: ticketNumber }).click();
      await expect(ownerPage.getByRole('heading', { name: 'Workflow log' })).toBeVisible();
      await expect(ownerPage.getByText('Need the printer location').first()).toBeVisible();
    });

    test('the agent task page lists the ticket attachments with links the assigned agent can download', async ({
      browser,
      request,
    }) => {
      const FILE = `printer-log-${run}.txt`;
      const CONTENT = 'E-23 paper jam at tray 2';
      const employee = await token(request, 'employee1');
      const created = await request.post('/hdts/api/tickets/', {
        headers: { Authorization: `Bearer ${employee}` },
        multipart: {
          subject: `${SUBJECT} (log attached)`,
          description: 'The printer log is attached',
          category: 'IT Support',
          sub_category: SUB,
          attachments: { name: FILE, mimeType: 'text/plain', buffer: Buffer.from(CONTENT) },
        },
      });
      expect(created.status()).toBe(201);
      const ticket = await created.json();
      const url = ticket.attachments[0].url as string;
      await approve(request, ticket.id);
      const admin = await token(request, 'admin');
      const { username, taskId } = await assignee(request, admin, ticket.ticket_number);
      expect(['agent1', 'agent2']).toContain(username);

      // The help desk learns the assignee from the workflow's message: the assigned agent may download.
      const agentToken = await token(request, username);
      await expect
        .poll(async () => (await request.get(url, { headers: { Authorization: `Bearer ${agentToken}` } })).status(), {
          timeout: 15_000,
        })
        .toBe(200);
      // The other Support Agent is not on the ticket.
      const other = await token(request, username === 'agent1' ? 'agent2' : 'agent1');
      expect((await request.get(url, { headers: { Authorization: `Bearer ${other}` } })).status()).toBe(404);

      const page = await as(browser, username);
      await page.goto(`/agent/tasks/${taskId}`);
      const attachments = page.getByRole('region', { name: 'Attachments' });
      const link = attachments.getByRole('link', { name: FILE });
      await expect(link).toBeVisible();
      await expect(link).toHaveAttribute('href', url);
      await expect(attachments).toContainText('text/plain');
      // The link works with the browser session.
      const file = await page.request.get(url);
      expect(file.status()).toBe(200);
      expect(await file.text()).toBe(CONTENT);

      // A file the employee adds after approval appears on the open task page without a reload.
      await expect(page.getByTestId('live-refresh')).toHaveAttribute('data-joined', 'true', { timeout: 20_000 });
      const LATER = `printer-photo-${run}.txt`;
      const added = await request.post(`/hdts/api/v1/tickets/${ticket.id}/attachments/`, {
        headers: { Authorization: `Bearer ${employee}` },
        multipart: { file: { name: LATER, mimeType: 'text/plain', buffer: Buffer.from('tray 2 photo notes') } },
      });
      expect(added.status()).toBe(201);
      await expect(attachments.getByRole('link', { name: LATER })).toBeVisible();
      await expect(link).toBeVisible();
      await page.context().close();

      // The owning coordinator's ticket page lists it too.
      const task = await (await request.get(`/tts/tasks/${taskId}/`, { headers: { Authorization: `Bearer ${admin}` } })).json();
      const ownerUser = await (
        await request.get(`/auth/api/v1/users/${task.owner_id}/`, { headers: { Authorization: `Bearer ${admin}` } })
      ).json();
      const ownerPage = await as(browser, ownerUser.username);
      await ownerPage.goto(`/coordinator/owned/${ticket.ticket_number}`);
      await expect(ownerPage.getByRole('region', { name: 'Attachments' }).getByRole('link', { name: FILE })).toHaveAttribute(
        'href',
        url,
      );
      await ownerPage.context().close();
    });
  });
