import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { env, smtpConfig } from './env';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailResult {
  transport: 'smtp' | 'file';
  messageId: string;
}

/**
 * Send one e-mail: over SMTP when SMTP_HOST is configured, otherwise written as an .eml file under
 * DATA_DIR/mail so it can be read in development. Throws on SMTP failure (the caller's job retries).
 */
export async function sendMail(msg: MailMessage): Promise<MailResult> {
  const smtp = smtpConfig();
  if (smtp) {
    const transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
      tls: { rejectUnauthorized: env.NODE_ENV === 'production' },
    });
    try {
      const info = await transport.sendMail({ from: smtp.from, ...msg });
      return { transport: 'smtp', messageId: String(info.messageId) };
    } finally {
      transport.close();
    }
  }
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await stream.sendMail({ from: env.SMTP_FROM, ...msg });
  const dir = path.resolve(env.DATA_DIR, 'mail');
  await fs.promises.mkdir(dir, { recursive: true });
  const id = randomUUID();
  await fs.promises.writeFile(
    path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.eml`),
    info.message as Buffer,
  );
  return { transport: 'file', messageId: String(info.messageId ?? id) };
}
