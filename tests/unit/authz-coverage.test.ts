/**
 * The authorization matrix covers every route: each route file is imported by a test file that runs the
 * matrix (tests/helpers/matrix.ts), except the routes that are public by design, listed here with the reason.
 * A new route without matrix rows fails this test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

/** Public on purpose (or not an API of ours): health probes, API docs, the catch-all 404s, next-auth's own handler. */
const PUBLIC = [
  /\/health\/route\.ts$/,
  /\/(docs|redoc|schema)\/route\.ts$/,
  /^app\/api\/docs\/\[asset\]\/route\.ts$/,
  /\/\[\.\.\.rest\]\/route\.ts$/,
  /^app\/api\/auth\/\[\.\.\.nextauth\]\/route\.ts$/,
];

function files(dir: string, keep: (f: string) => boolean): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return files(rel, keep);
    return keep(rel) ? [rel] : [];
  });
}

describe('authorization matrix coverage', () => {
  const routes = [...files('app/(api)', (f) => f.endsWith('/route.ts')), ...files('app/api', (f) => f.endsWith('/route.ts'))];
  const matrixSources = files('tests/integration', (f) => f.endsWith('.test.ts'))
    .map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8'))
    .filter((src) => src.includes('runMatrix('));

  it('finds the routes and the matrix files', () => {
    expect(routes.length).toBeGreaterThan(100);
    expect(matrixSources.length).toBeGreaterThan(5);
  });

  it('every non-public route has rows in a matrix', () => {
    const uncovered = routes.filter(
      (r) => !PUBLIC.some((p) => p.test(r)) && !matrixSources.some((src) => src.includes(`'@/${r.replace(/\.ts$/, '')}'`)),
    );
    expect(uncovered).toEqual([]);
  });
});
