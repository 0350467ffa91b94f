import { describe, expect, it } from 'vitest';
import { matchRoute } from '@/lib/server/api-router';
import { ROUTE_MODULES } from '@/lib/server/openapi/manifest';

const loaderOf = (path: string) => ROUTE_MODULES.find((r) => r.path === path)?.load;

describe('the API router of server.ts (route files served without Next)', () => {
  it('finds the route file of a path and its parameters', () => {
    const hit = matchRoute('/tts/workflows/12/versions/3');
    expect(hit?.load).toBe(loaderOf('/tts/workflows/{id}/versions/{version}/'));
    expect(hit?.params).toEqual({ id: '12', version: '3' });
  });

  it('prefers a fixed segment to a parameter, and falls back to the parameter when the fixed branch has no route', () => {
    expect(matchRoute('/hdts/api/tickets/number/TX1')?.load).toBe(loaderOf('/hdts/api/tickets/number/{ticket_number}/'));
    expect(matchRoute('/tts/tasks/all-tasks')?.load).toBe(loaderOf('/tts/tasks/all-tasks/'));
    expect(matchRoute('/tts/tasks/42')?.params).toEqual({ id: '42' });
  });

  it('decodes parameters, and leaves unknown paths, pages and malformed escapes to Next', () => {
    expect(matchRoute('/tts/tasks/a%20b')?.params).toEqual({ id: 'a b' });
    expect(matchRoute('/tts/tasks/%E0%A4%A')).toBeNull();
    expect(matchRoute('/coordinator/tickets')).toBeNull();
    expect(matchRoute('/api/auth/session')).toBeNull();
    expect(matchRoute('/')).toBeNull();
  });
});
