import { afterEach, describe, expect, it } from 'vitest';
import { env } from '@/lib/server/env';
import { securityHeaders } from '@/lib/server/security-headers';

const mutable = env as { APP_URL?: string };
const original = env.APP_URL;
afterEach(() => {
  mutable.APP_URL = original;
});

describe('security headers (finding 7)', () => {
  it('pages: a nonce-based script policy and no framing; API paths and downloads: nothing may run', () => {
    const page = securityHeaders('/agent/tasks/3', 'abc123');
    expect(page.kind).toBe('page');
    expect(page.values['Content-Security-Policy']).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(page.values['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    for (const path of ['/hdts/api/v1/attachments/4', '/auth/token', '/health', '/api/schema']) {
      const api = securityHeaders(path, 'abc123');
      expect(api.kind, path).toBe('api');
      expect(api.values['Content-Security-Policy']).toMatch(/^default-src 'none'/);
    }
    expect(securityHeaders('/notifications', 'n').kind).toBe('page');
    expect(page.values['X-Content-Type-Options']).toBe('nosniff');
  });

  it("the API viewers (/api/docs and each service's /docs, /redoc) may run their own script, nothing else", () => {
    for (const path of ['/api/docs', '/tts/docs', '/hdts/redoc/', '/notifications/docs']) {
      const v = securityHeaders(path, 'n').values['Content-Security-Policy'];
      expect(v, path).toContain("script-src 'self'");
      expect(v, path).not.toContain('unsafe-eval');
    }
    for (const path of ['/tts/schema', '/tts/docs/extra', '/tts/tasks/docs'])
      expect(securityHeaders(path, 'n').values['Content-Security-Policy'], path).toMatch(/^default-src 'none'/);
  });

  it('HSTS only when the app is served over HTTPS', () => {
    mutable.APP_URL = 'http://localhost:3000';
    expect(securityHeaders('/login', 'n').values['Strict-Transport-Security']).toBeUndefined();
    mutable.APP_URL = 'https://help.example.com';
    expect(securityHeaders('/login', 'n').values['Strict-Transport-Security']).toMatch(/max-age=\d+/);
  });
});
