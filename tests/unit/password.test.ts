import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, verifyPassword } from '@/lib/domain/identity/password';

describe('password hashing (scrypt)', () => {
  it('round-trips: the right password verifies, a wrong one does not', async () => {
    const hash = await hashPassword('Correct-horse-42');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('Correct-horse-42', hash)).toBe(true);
    expect(await verifyPassword('correct-horse-42', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('Same-password-1'), hashPassword('Same-password-1')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Same-password-1', a)).toBe(true);
    expect(await verifyPassword('Same-password-1', b)).toBe(true);
  });

  it('rejects malformed or foreign hashes instead of throwing', async () => {
    expect(await verifyPassword('x', '')).toBe(false);
    expect(await verifyPassword('x', 'plaintext')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$10$abc$def')).toBe(false);
    expect(await verifyPassword('x', 'pbkdf2_sha256$1000$salt$hash')).toBe(false);
  });

  it('never accepts anything against the dummy hash used for unknown users', async () => {
    expect(await verifyPassword('Switchboard!2026', DUMMY_HASH)).toBe(false);
    expect(await verifyPassword('', DUMMY_HASH)).toBe(false);
  });
});
