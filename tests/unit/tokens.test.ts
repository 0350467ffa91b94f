import { randomUUID } from 'node:crypto';
import { decodeJwt, SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signAccessToken, signRefreshToken, verifyAccessToken, verifyRefreshToken } from '@/lib/domain/identity/tokens';
import { jwtSecret } from '@/lib/server/env';

const user = {
  id: 7,
  email: 'ada@example.com',
  username: 'ada',
  roles: [{ system: 'hdts' as const, role: 'Employee', system_role_id: 3 }],
  tokenVersion: 4,
};

describe('access and refresh tokens', () => {
  it('signs access tokens with the claims of spec 000 and verifies them', async () => {
    const token = await signAccessToken(user);
    const claims = await verifyAccessToken(token);
    expect(claims).toMatchObject({
      user_id: 7,
      email: 'ada@example.com',
      username: 'ada',
      roles: user.roles,
      token_type: 'access',
      ver: 4,
    });
    expect(claims!.exp - claims!.iat).toBe(15 * 60);
    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString());
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
  });

  it('signs refresh tokens with their id, family and expiry', async () => {
    const jti = randomUUID();
    const family = randomUUID();
    const expiresAt = new Date(Date.now() + 3600_000);
    const claims = await verifyRefreshToken(await signRefreshToken(7, jti, family, expiresAt));
    expect(claims).toMatchObject({ user_id: 7, jti, family, token_type: 'refresh', exp: Math.floor(expiresAt.getTime() / 1000) });
  });

  it('refuses a token of the wrong type', async () => {
    const access = await signAccessToken(user);
    const refresh = await signRefreshToken(7, randomUUID(), randomUUID(), new Date(Date.now() + 3600_000));
    expect(await verifyRefreshToken(access)).toBeNull();
    expect(await verifyAccessToken(refresh)).toBeNull();
  });

  it('a token verified once (and remembered) is still refused once it expires, and a tampered copy never passes', async () => {
    afterEach(() => vi.useRealTimers());
    const token = await signAccessToken(user);
    expect(await verifyAccessToken(token)).not.toBeNull();
    expect(await verifyAccessToken(token)).not.toBeNull();
    const [h, p, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), user_id: 1 }));
    expect(await verifyAccessToken(`${h}.${forged.toString('base64url')}.${sig}`)).toBeNull();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 15 * 60_000 + 1_000);
    expect(await verifyAccessToken(token)).toBeNull();
  });

  it('refuses expired tokens', async () => {
    const past = Math.floor(Date.now() / 1000) - 60;
    const expired = await new SignJWT({ user_id: 7, email: user.email, roles: [], token_type: 'access' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(past - 900)
      .setExpirationTime(past)
      .sign(jwtSecret());
    expect(decodeJwt(expired).token_type).toBe('access');
    expect(await verifyAccessToken(expired)).toBeNull();
    const expiredRefresh = await signRefreshToken(7, randomUUID(), randomUUID(), new Date(Date.now() - 1000));
    expect(await verifyRefreshToken(expiredRefresh)).toBeNull();
  });

  it('refuses a correctly signed access token without an expiry, a version or a user id', async () => {
    const sign = (claims: Record<string, unknown>, exp = true) => {
      const t = new SignJWT({ user_id: 7, email: user.email, roles: [], token_type: 'access', ver: 0, ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuedAt();
      return (exp ? t.setExpirationTime('5m') : t).sign(jwtSecret());
    };
    expect(await verifyAccessToken(await sign({}))).not.toBeNull();
    expect(await verifyAccessToken(await sign({}, false))).toBeNull();
    expect(await verifyAccessToken(await sign({ ver: undefined }))).toBeNull();
    expect(await verifyAccessToken(await sign({ ver: '0' }))).toBeNull();
    expect(await verifyAccessToken(await sign({ user_id: '7' }))).toBeNull();
  });

  it('refuses tampered tokens, other secrets, other algorithms and garbage', async () => {
    const token = await signAccessToken(user);
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...decodeJwt(token), user_id: 1 })).toString('base64url');
    expect(await verifyAccessToken(`${h}.${forged}.${s}`)).toBeNull();
    const otherSecret = await new SignJWT({ user_id: 7, token_type: 'access' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('another-secret-another-secret-another-secret'));
    expect(await verifyAccessToken(otherSecret)).toBeNull();
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${p}.`;
    expect(await verifyAccessToken(none)).toBeNull();
    expect(await verifyAccessToken('not-a-token')).toBeNull();
    expect(await verifyAccessToken('')).toBeNull();
  });
});
