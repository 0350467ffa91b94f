import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { smtpPort } from './tests/e2e/mailbox';

/**
 * E2e against the production build (`npm run build` first), served by server.ts with a fresh embedded
 * PostgreSQL (its own DATA_DIR per run) seeded with the demo data.
 * E2E_PORT and NEXT_DIST_DIR let several runs share a machine.
 */
const port = Number(process.env.E2E_PORT ?? 3200);
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `switchboard-e2e-${port}`);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  // A local SMTP server for the run (password reset e-mails and notifications are really sent).
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI_REPORT ? [['list'], ['json', { outputFile: 'reports/playwright.json' }]] : [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // A fresh database each run: wipe the run's data directory, then start with --seed.
    command: `rm -rf "${dataDir}" && npx tsx server.ts --seed`,
    url: `http://localhost:${port}/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      NODE_ENV: 'production',
      PORT: String(port),
      DATA_DIR: dataDir,
      APP_URL: `http://localhost:${port}`,
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: '1',
      RATE_LIMIT_TOKEN: '1000/60',
      RATE_LIMIT_DEFAULT: '100000/60',
      RATE_LIMIT_TICKET_CREATE: '100000/60',
      RATE_LIMIT_TICKET_READ: '100000/60',
      SERVICE_API_KEYS: 'e2e-service-key-0123456789abcdef',
      // the server's stderr is shown with the results: a line per request would bury what failed
      REQUEST_LOG: process.env.REQUEST_LOG ?? 'false',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
    },
  },
});
