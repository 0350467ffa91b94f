import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@/lib/domain/error-codes';
import { openApiDocument } from '@/lib/server/openapi/document';

const ROOT = path.resolve(import.meta.dirname, '../..');
const STATUS_OF_HELPER: Record<string, number> = { badRequest: 400, forbidden: 403, notFound: 404, conflict: 409 };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((f) => {
    const p = path.join(dir, f.name);
    if (f.isDirectory()) return f.name === 'generated' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(f.name) ? [p] : [];
  });
}

/**
 * Every (status, code) the source throws literally: `new AppError(status, 'CODE'` and the helpers' code arguments
 * (up to the end of the statement). Codes passed in variables are listed by hand and checked by the contract test.
 */
function thrownCodes(): [number, string, string][] {
  const out: [number, string, string][] = [];
  for (const file of [...sourceFiles(path.join(ROOT, 'lib')), ...sourceFiles(path.join(ROOT, 'app'))]) {
    const text = fs.readFileSync(file, 'utf8');
    const where = path.relative(ROOT, file);
    for (const m of text.matchAll(/new AppError\(\s*(\d{3}),\s*'([A-Z][A-Z0-9_]+)'/g)) out.push([Number(m[1]), m[2], where]);
    for (const m of text.matchAll(/\b(badRequest|conflict|notFound)\(([\s\S]*?)\);/g)) {
      for (const c of m[2].matchAll(/'([A-Z][A-Z0-9_]{2,})'/g)) out.push([STATUS_OF_HELPER[m[1]], c[1], where]);
    }
  }
  return out;
}

describe('error codes', () => {
  it('every code the source throws is listed under its status (so the OpenAPI document names it)', () => {
    const thrown = thrownCodes();
    expect(thrown.length).toBeGreaterThan(50);
    const listed = ERROR_CODES as Record<number, readonly string[]>;
    const missing = thrown.filter(([status, code]) => !listed[status]?.includes(code)).map((x) => x.join(' '));
    expect(missing).toEqual([]);
  });

  it('the helpers’ default codes and the wrapper’s own are listed', () => {
    expect(ERROR_CODES[400]).toEqual(expect.arrayContaining(['INVALID_INPUT', 'VALIDATION_ERROR', 'INVALID_JSON']));
    expect(ERROR_CODES[409]).toContain('CONFLICT');
    expect(ERROR_CODES[404]).toContain('NOT_FOUND');
    expect(ERROR_CODES[403]).toContain('FORBIDDEN');
  });

  it('each documented error response names the codes of its status', async () => {
    const doc = await openApiDocument();
    const op = (doc.paths as Record<string, Record<string, { responses: Record<string, { content: never }> }>>)['/tts/tasks/']
      .post;
    expect(op.responses['409'].content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/Error409' } } });
    const schemas = doc.components.schemas as Record<string, { properties: { code: { enum?: string[] } } }>;
    expect(schemas.Error409.properties.code.enum).toEqual([...ERROR_CODES[409]]);
  });
});
