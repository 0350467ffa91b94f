import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '@/lib/domain/identity/return-path';

describe('safeReturnPath (finding 5: open redirect after sign-in)', () => {
  it.each([
    '/\\evil.host/x',
    '/\t/evil.host/x',
    '/\\\tevil.host',
    '//evil.host',
    '/\n/evil.host',
    'https://evil.host/',
    'javascript:alert(1)',
    'evil.host',
    '',
    null,
  ])('refuses %j', (value) => {
    expect(safeReturnPath(value, '/fallback')).toBe('/fallback');
  });

  it.each([
    ['/employee', '/employee'],
    ['/agent/tasks/12?tab=history#notes', '/agent/tasks/12?tab=history#notes'],
    ['/coordinator/tickets/TX20260101000001', '/coordinator/tickets/TX20260101000001'],
    ['/a/../b', '/b'],
  ])('keeps %j', (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });
});
