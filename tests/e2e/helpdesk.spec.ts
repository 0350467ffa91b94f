import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { finishWorkflow, signIn, signOut, token } from './helpers';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);
const run = Date.now().toString(36);
const SUBJECT_A = `Monitor flickers ${run}`;
const SUBJECT_B = `Need a second mouse ${run}`;

async function submitByApi(page: Page, subject: string) {
  const res = await page.request.post('/hdts/api/tickets/', {
    data: {
      subject,
      description: 'Submitted for the e2e journey',
      category: 'IT Support',
      sub_category: 'Hardware Troubleshooting',
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()).ticket_number as string;
}

test.describe
  .serial('help desk journey', () => {
    let numberA = '';
    let numberB = '';

    test('employee submits a ticket with an attachment and sees it in their list', async ({ page }) => {
      await signIn(page, 'employee1@example.com');
      await page.goto('/employee/tickets/new');
      await page.getByLabel('Subject').fill(SUBJECT_A);
      // 001 §2: department → category → sub-category
      await page.getByLabel('Department').selectOption('IT Department');
      await expect(page.getByLabel('Category', { exact: true }).locator('option', { hasText: 'Asset Check In' })).toHaveCount(0);
      await page.getByLabel('Category', { exact: true }).selectOption('IT Support');
      await page.getByLabel('Sub-category').selectOption('Hardware Troubleshooting');
      await page.getByLabel('Description').fill('The screen flickers every few seconds.');
      // the visible button is the one control for files (the file input takes no tab stop)
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choose files' }).click();
      await (await chooser).setFiles({ name: 'flicker.png', mimeType: 'image/png', buffer: PNG });
      await expect(page.getByText('flicker.png')).toBeVisible();
      await page.getByRole('button', { name: 'Submit ticket' }).click();
      const number = page.getByTestId('new-ticket-number');
      await expect(number).toHaveText(/^TX\d{14}$/);
      numberA = (await number.textContent()) ?? '';
      numberB = await submitByApi(page, SUBJECT_B);

      await page.goto('/employee/tickets');
      await expect(page.getByRole('link', { name: numberA })).toBeVisible();
      await expect(page.getByText(SUBJECT_A)).toBeVisible();
      await page.getByRole('link', { name: numberA }).click();
      await expect(page.getByRole('link', { name: 'flicker.png' })).toBeVisible();
    });

    test('coordinator approves one ticket and rejects another', async ({ page, request }) => {
      await signIn(page, 'coordinator1@example.com');
      await page.goto('/coordinator/triage');
      const rowA = page.locator(`tr[data-ticket="${numberA}"]`);
      await rowA.getByRole('button', { name: 'Approve' }).click();
      const approve = page.getByRole('dialog', { name: 'Approve ticket' });
      await approve.getByLabel('Priority').selectOption('High');
      await approve.getByLabel('Department').selectOption('IT Department');
      await approve.getByLabel('Approval notes (optional)').fill(`Staff only: VIP ${run}`);
      await approve.getByRole('button', { name: 'Approve' }).click();
      await expect(rowA).toHaveCount(0);

      const rowB = page.locator(`tr[data-ticket="${numberB}"]`);
      await rowB.getByRole('button', { name: 'Reject' }).click();
      const reject = page.getByRole('dialog', { name: `Reject ${numberB}?` });
      await reject.getByLabel('Reason (the requester sees it)').fill('Please ask your team lead for spare mice');
      await reject.getByRole('button', { name: 'Reject' }).click();
      await expect(rowB).toHaveCount(0);

      // The approved ticket enters the IT workflow: while it works the ticket, the coordinator's page offers no
      // Resolved and says why; the workflow resolves it when its last step is done.
      const admin = await token(request, 'admin');
      await page.goto(`/coordinator/tickets/${numberA}`);
      // the workflow's routing reaches the help desk a moment after the approval
      await expect(async () => {
        await page.reload();
        await expect(page.getByTestId('status-held')).toContainText(
          'the workflow resolves this ticket when its last step is done',
          {
            timeout: 1000,
          },
        );
      }).toPass({ timeout: 30_000 });
      await expect(page.getByLabel('Change status').locator('option', { hasText: 'Resolved' })).toHaveCount(0);
      await finishWorkflow(request, admin, numberA, 'Replaced the display cable');
      await page.reload();
      await expect(page.locator('dl').getByText('Resolved')).toBeVisible();
      await signOut(page);
    });

    test('employee sees the rejection reason, closes the resolved ticket and rates it', async ({ page }) => {
      await signIn(page, 'employee1@example.com');
      await page.goto(`/employee/tickets/${numberB}`);
      await expect(page.getByTestId('rejection-reason')).toHaveText('Please ask your team lead for spare mice');

      await page.goto(`/employee/tickets/${numberA}`);
      // History in people's words; the coordinator's approval note is not for the requester.
      const history = page.getByTestId('ticket-history');
      await expect(history.getByText('Approved by Casey Reyes')).toBeVisible();
      await expect(history.getByText('Submitted by Emma Wilson')).toBeVisible();
      await expect(history).not.toContainText('STATUS_CHANGE');
      await expect(page.getByText(`Staff only: VIP ${run}`)).toHaveCount(0);
      await page.getByRole('button', { name: 'Close ticket' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Close ticket' }).click();
      await expect(page.getByText('Ticket closed')).toBeVisible();
      // closing opens the rating dialog
      const dialog = page.getByRole('dialog', { name: 'How did we do?' });
      await expect(dialog).toBeVisible();
      await dialog.getByLabel('4 stars').check({ force: true });
      await dialog.getByLabel('Feedback (optional)').fill(`Fixed quickly ${run}`);
      await dialog.getByRole('button', { name: 'Submit rating' }).click();
      await expect(page.getByText('Thank you for your feedback')).toBeVisible();
      await expect(page.getByText(/4 of 5/)).toBeVisible();
    });

    test('coordinator sees the rating on the feedback page', async ({ page }) => {
      await signIn(page, 'coordinator1@example.com');
      await page.goto('/coordinator/feedback');
      const row = page.getByRole('row', { name: new RegExp(numberA) });
      await expect(row).toContainText(`Fixed quickly ${run}`);
      await expect(row).toContainText('4');
    });
  });
