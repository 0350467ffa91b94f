import os from 'node:os';
import path from 'node:path';

/**
 * The e2e run's local SMTP server (a real smtp-server, started by global-setup.ts) listens on this port and
 * writes each message it receives as a file in `mailDir`, where specs read them.
 */
const port = Number(process.env.E2E_PORT ?? 3200);
export const smtpPort = Number(process.env.E2E_SMTP_PORT ?? port + 1001);
export const mailDir = process.env.E2E_MAIL_DIR ?? path.join(os.tmpdir(), `switchboard-e2e-${port}-mail`);
