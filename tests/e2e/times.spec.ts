import type { Locator } from '@playwright/test';
import { writeInstant } from '../../lib/client/time-format';
import { expect, test } from './fixtures';
import { signIn } from './helpers';

/** Issue 19: one way of writing times, in the zone of the profile or else the browser's, the exact instant on hover. */

async function expectWrittenIn(time: Locator, zone: string) {
  const iso = await time.getAttribute('datetime');
  expect(iso).toBeTruthy();
  const written = writeInstant(new Date(iso as string), zone);
  await expect(time).toHaveText(written.text);
  await expect(time).toHaveAttribute('title', written.full);
}

test.describe('times (issue 19)', () => {
  test('without a saved zone times are in the browser zone; a zone saved in the profile applies everywhere', async ({
    browser,
  }) => {
    const context = await browser.newContext({ timezoneId: 'America/New_York' });
    const page = await context.newPage();
    await signIn(page, 'employee2');
    await page.goto('/employee/tickets');
    const listed = page.locator('main time').first();
    await expectWrittenIn(listed, 'America/New_York');
    await page.locator('main a[href^="/employee/tickets/TX"]').first().click();
    await expect(page).toHaveURL(/\/employee\/tickets\/TX/);
    await expectWrittenIn(page.locator('main time').first(), 'America/New_York');
    const ticketUrl = page.url();

    // the profile offers "this browser's zone" (the default) and every IANA zone; an unknown one cannot be sent
    await page.goto('/profile');
    const zone = page.getByLabel('Time zone');
    await expect(zone).toHaveValue('');
    await expect(zone.locator('option').first()).toHaveText("This browser's zone (America/New_York)");
    await zone.selectOption('Asia/Tokyo');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Profile saved')).toBeVisible();

    await page.goto(ticketUrl);
    const times = page.locator('main time');
    await expect(times.first()).toHaveAttribute('title', /Asia\/Tokyo \(UTC\+09:00\) · .* UTC$/);
    for (const t of await times.all()) await expectWrittenIn(t, 'Asia/Tokyo');
    // a reload renders the same text on the server as in the browser: no flash, no hydration warning
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (/hydrat/i.test(m.text())) warnings.push(m.text());
    });
    await page.reload();
    await expectWrittenIn(times.first(), 'Asia/Tokyo');
    expect(warnings).toEqual([]);

    // back to the browser's zone
    await page.goto('/profile');
    await page.getByLabel('Time zone').selectOption('');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Profile saved')).toBeVisible();
    await page.goto(ticketUrl);
    await expectWrittenIn(page.locator('main time').first(), 'America/New_York');
    await context.close();
  });
});
