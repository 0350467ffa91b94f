import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openSettled, PASSWORD, signIn, token } from './helpers';

/**
 * Issue 10, "nothing typed is lost": the submit form and the reply boxes keep their drafts in the browser
 * (per user) across a reload and an ended session, errors go as soon as the field is fixed, and a file the
 * help desk would refuse is refused when it is chosen.
 */
const run = Date.now().toString(36);

async function signInAgainAfterExpiry(page: Page, returnPath: string) {
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe(returnPath);
  await expect(page.getByText('Your session has ended')).toBeVisible();
  await page.getByLabel('Email or username').fill('employee1');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${returnPath}$`));
}

test.describe('nothing typed is lost', () => {
  test('the submit form keeps its draft across a reload, clears an error once fixed and refuses a disallowed file', async ({
    page,
  }) => {
    const subject = `Docking station ${run} not charging`;
    await signIn(page, 'employee1');
    await page.goto('/employee/tickets/new');

    // an empty submit shows the domain's messages; each goes as soon as its field is fixed
    await page.getByRole('button', { name: 'Submit ticket' }).click();
    const subjectBox = page.getByLabel('Subject');
    await expect(subjectBox).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#subject-error')).toHaveText('This field may not be blank');
    await expect(page.locator('#department-error')).toHaveText('Choose a department');
    await subjectBox.fill(subject);
    await expect(page.locator('#subject-error')).toHaveCount(0);
    await expect(subjectBox).toHaveAttribute('aria-invalid', 'false');
    await expect(page.locator('#department-error')).toHaveText('Choose a department');

    await page.getByLabel('Department').selectOption('IT Department');
    await expect(page.locator('#department-error')).toHaveCount(0);
    await page.getByLabel('Category', { exact: true }).selectOption('IT Support');
    await page.getByLabel('Sub-category').selectOption('Hardware Troubleshooting');
    await page.getByLabel('Description').fill('The laptop does not charge through the dock.');

    // a file type the help desk refuses is refused when chosen, with the server's words
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose files' }).click();
    await (await chooser).setFiles({ name: 'driver.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await expect(page.getByRole('alert').filter({ hasText: 'driver.exe: file type .exe is not allowed' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Files to upload' })).toHaveCount(0);
    // the hidden file input is no tab stop of its own
    await expect(page.locator('input[type="file"]')).toHaveAttribute('tabindex', '-1');

    // Back/reload loses nothing
    await page.reload();
    await expect(page.getByLabel('Subject')).toHaveValue(subject);
    await expect(page.getByLabel('Department')).toHaveValue('IT Department');
    await expect(page.getByLabel('Category', { exact: true })).toHaveValue('IT Support');
    await expect(page.getByLabel('Sub-category')).toHaveValue('Hardware Troubleshooting');
    await expect(page.getByLabel('Description')).toHaveValue('The laptop does not charge through the dock.');

    // once submitted, the draft is gone
    await page.getByRole('button', { name: 'Submit ticket' }).click();
    await expect(page.getByTestId('new-ticket-number')).toHaveText(/^TX\d{14}$/);
    await page.goto('/employee/tickets/new');
    await expect(page.getByLabel('Subject')).toHaveValue('');
  });

  test('a session that ends mid-draft sends the user to sign-in, and the draft is back afterwards', async ({ page }) => {
    const subject = `Badge reader ${run} rejects my card`;
    await signIn(page, 'employee1');
    await openSettled(page, '/employee/tickets/new');
    await page.getByLabel('Subject').fill(subject);
    await page.getByLabel('Category', { exact: true }).selectOption('Others');
    await expect(page.getByLabel('Department')).toHaveValue('none');
    await page.getByLabel('Description').fill('Since Monday the door on floor 2 stays shut.');

    // the session ends (expired, or ended elsewhere) while the form is open
    await page.context().clearCookies();
    await page.getByRole('button', { name: 'Submit ticket' }).click();
    await signInAgainAfterExpiry(page, '/employee/tickets/new');
    await expect(page.getByLabel('Subject')).toHaveValue(subject);
    await expect(page.getByLabel('Category', { exact: true })).toHaveValue('Others');
    await expect(page.getByLabel('Description')).toHaveValue('Since Monday the door on floor 2 stays shut.');
    await page.getByRole('button', { name: 'Submit ticket' }).click();
    await expect(page.getByTestId('new-ticket-number')).toHaveText(/^TX\d{14}$/);
  });

  test('a session that ends while a reply is typed sends the user to sign-in, and the reply is back afterwards', async ({
    page,
    request,
  }) => {
    const created = await request.post('/hdts/api/tickets/', {
      headers: { Authorization: `Bearer ${await token(request, 'employee1')}` },
      data: {
        subject: `Monitor ${run} flickers`,
        description: 'Since the update.',
        category: 'IT Support',
        sub_category: 'Technical Assistance',
      },
    });
    expect(created.status()).toBe(201);
    const { ticket_number: number } = (await created.json()) as { ticket_number: string };
    await signIn(page, 'employee1');
    await openSettled(page, `/employee/tickets/${number}`);
    const reply = `It also beeps twice ${run}`;
    await page.getByLabel('Add a comment').fill(reply);
    await page.context().clearCookies();
    await page.getByRole('button', { name: 'Post comment' }).click();
    await signInAgainAfterExpiry(page, `/employee/tickets/${number}`);
    await expect(page.getByLabel('Add a comment')).toHaveValue(reply);
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(page.locator('section[aria-labelledby="comments"]').getByText(reply)).toBeVisible();
    await expect(page.getByLabel('Add a comment')).toHaveValue('');
  });
});
