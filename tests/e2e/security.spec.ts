import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { generate } from 'otplib';
import { expect, test } from './fixtures';
import { PASSWORD, signIn, signOut, token } from './helpers';
import { mailDir } from './mailbox';

const run = Date.now().toString(36);

/** A fresh employee (so changing their password or second factor leaves the demo users alone). */
async function freshEmployee(request: APIRequestContext, name: string) {
  const admin = await token(request, 'admin');
  const headers = { Authorization: `Bearer ${admin}` };
  const username = `${name}_${run}`;
  const email = `${username}@example.test`;
  const created = await request.post('/auth/api/v1/users/', {
    headers,
    data: { username, email, first_name: 'Sam', last_name: name, password: PASSWORD },
  });
  expect(created.status()).toBe(201);
  const roles = await (await request.get('/auth/api/v1/roles/?system=hdts&page_size=100', { headers })).json();
  const employee = roles.results.find((r: { name: string }) => r.name === 'Employee');
  const assigned = await request.post('/auth/api/v1/user-roles/', {
    headers,
    data: { user_id: (await created.json()).id, role_id: employee.id },
  });
  expect(assigned.status()).toBe(201);
  return { username, email };
}

/** The newest e-mail to `address` that the run's SMTP server received. */
async function mailTo(address: string): Promise<string> {
  let found = '';
  await expect
    .poll(
      () => {
        const files = fs.readdirSync(mailDir).filter((f) => f.includes(address));
        found = files.length ? fs.readFileSync(path.join(mailDir, files.sort().at(-1) as string), 'utf8') : '';
        return found.length > 0;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return found.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
}

test.describe('security headers', () => {
  test('on a page, an API response and a download', async ({ page, request }) => {
    const res = await page.goto('/login');
    const pageHeaders = res?.headers() ?? {};
    const csp = pageHeaders['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(pageHeaders['x-content-type-options']).toBe('nosniff');
    expect(pageHeaders['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(pageHeaders['permissions-policy']).toContain('camera=()');
    // The nonce of this response is on Next's scripts, and the page really runs under the policy.
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
    expect(nonce).toBeTruthy();
    await expect(page.getByLabel('Email or username')).toBeEditable();

    const api = await request.get('/auth/health/');
    expect(api.headers()['content-security-policy']).toContain("default-src 'none'");
    expect(api.headers()['x-content-type-options']).toBe('nosniff');

    const employee = await token(request, 'employee1');
    const created = await request.post('/hdts/api/tickets/', {
      headers: { Authorization: `Bearer ${employee}` },
      multipart: {
        subject: `Headers ${run}`,
        description: 'A file to download',
        category: 'IT Support',
        sub_category: 'Technical Assistance',
        attachments: { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') },
      },
    });
    expect(created.status()).toBe(201);
    const download = await request.get((await created.json()).attachments[0].url, {
      headers: { Authorization: `Bearer ${employee}` },
    });
    expect(download.status()).toBe(200);
    expect(download.headers()['content-security-policy']).toContain("default-src 'none'");
    expect(download.headers()['x-content-type-options']).toBe('nosniff');
  });
});

test.describe('sign-in redirects', () => {
  for (const target of ['/\\evil.example/x', '/\t/evil.example/x', '//evil.example/x']) {
    test(`a foreign callbackUrl (${JSON.stringify(target)}) stays on this site`, async ({ page }) => {
      await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
      await page.getByLabel('Email or username').fill('employee1@example.com');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page).toHaveURL(/\/employee$/);
      expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL as string).host);
    });
  }

  test('a deep link survives the sign-in', async ({ page }) => {
    await page.goto('/login?callbackUrl=%2Femployee%2Ftickets');
    await page.getByLabel('Email or username').fill('employee1@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/employee\/tickets$/);
  });
});

test.describe('account lifecycle', () => {
  test('forgot password → e-mail → reset → the old session is gone', async ({ browser, request }) => {
    const { username, email } = await freshEmployee(request, 'reset');
    const old = await (await browser.newContext()).newPage();
    await signIn(old, username);
    await expect(old).toHaveURL(/\/employee$/);

    const page = await (await browser.newContext()).newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
    await page.getByLabel('E-mail address').fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect(page.getByRole('status')).toContainText('If an account exists for that address');

    const mail = await mailTo(email);
    expect(mail).toContain('Subject: Reset your Switchboard password');
    const link = /(https?:\/\/[^\s"<]+\/reset-password\?token=[A-Za-z0-9_-]+)/.exec(mail)?.[1];
    expect(link).toBeTruthy();
    await page.goto(new URL(link as string).pathname + new URL(link as string).search);
    await page.getByLabel('New password', { exact: true }).fill('Fresh-start-2026');
    await page.getByLabel('Repeat new password').fill('Fresh-start-2026');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect(page.getByRole('status')).toContainText('Your password was changed');

    // The session that was open before the reset no longer works.
    await old.goto('/employee');
    await expect(old).toHaveURL(/\/login/);
    // The link works once.
    await page.goto(new URL(link as string).pathname + new URL(link as string).search);
    await page.getByLabel('New password', { exact: true }).fill('Second-try-2026');
    await page.getByLabel('Repeat new password').fill('Second-try-2026');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect(page.getByText('This link is not valid any more')).toBeVisible();
    await signIn(page, username, 'Fresh-start-2026');
    await expect(page).toHaveURL(/\/employee$/);
    await page.screenshot({ path: test.info().outputPath('after-reset.png') });
  });

  test('two-factor: enrol with the QR code’s key, then sign in with password and code', async ({ page, request }) => {
    const { username } = await freshEmployee(request, 'totp');
    await signIn(page, username);
    await page.goto('/profile');
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('enrol-qr.png') });
    const secret = (
      (await page.locator('section#two-factor code, [aria-labelledby="two-factor-title"] code').first().textContent()) ?? ''
    ).trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    // The browser checks the code with the API's own schema; the API's refusal sits under the field.
    const field = page.getByLabel('Code from your app');
    await field.fill('12');
    await page.getByRole('button', { name: 'Turn on' }).click();
    await expect(page.getByText('Enter the 6-digit code', { exact: true })).toBeVisible();
    await field.fill('000000');
    await expect(page.getByText('Enter the 6-digit code', { exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: 'Turn on' }).click();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(/That code is (not right|wrong)/)).toBeVisible();
    const enrolStep = Math.floor(Date.now() / 30_000);
    await field.fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Turn on' }).click();
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await expect(codes).toHaveCount(10);
    await page.screenshot({ path: test.info().outputPath('recovery-codes.png') });
    await page.getByRole('button', { name: 'I have saved them' }).click();
    // This session carried on (its cookie was renewed); the section now says it is on.
    await expect(page.getByText(/^On/)).toBeVisible();
    await page.goto('/employee');
    await signOut(page);

    await page.getByLabel('Email or username').fill(username);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByLabel('Authentication code')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('sign-in-code.png') });
    // A code is good once: wait until the app shows a newer one than the code used to enrol.
    await expect.poll(() => Math.floor(Date.now() / 30_000) > enrolStep, { timeout: 40_000, intervals: [500] }).toBe(true);
    await page.getByLabel('Authentication code').fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await expect(page).toHaveURL(/\/employee$/);
  });
});
