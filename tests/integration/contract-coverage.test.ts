/**
 * The contract's coverage: every operation in the OpenAPI document declares its success answer, and each one
 * is exercised by exactly one case in tests/integration/contract/*.cases.ts (see tests/helpers/contract.ts).
 */
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '@/lib/server/openapi/document';
import { type ContractCase, caseKey, documentsSuccess, operations } from '../helpers/contract';

/** `covers`: the path prefixes a case module answers for completely (every operation under them has a case). */
const modules = import.meta.glob<{ cases: ContractCase[]; covers?: string[] }>('./contract/*.cases.ts', { eager: true });
const keys = Object.values(modules).flatMap((m) => m.cases.map(caseKey));
const covered = Object.values(modules).flatMap((m) => m.covers ?? []);

describe('the API contract covers every operation', () => {
  it('no operation is checked twice', () => {
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('every case names an operation of the document', async () => {
    const ops = new Set(operations(await openApiDocument()).map(([k]) => k));
    expect(keys.filter((k) => !ops.has(k))).toEqual([]);
  });

  it('every operation under a covered prefix declares its success answer and has a case', async () => {
    const ops = operations(await openApiDocument()).filter(([k]) => covered.some((p) => k.split(' ')[1].startsWith(p)));
    expect(ops.length).toBeGreaterThanOrEqual(covered.length);
    expect(ops.filter(([, op]) => !documentsSuccess(op)).map(([k]) => k)).toEqual([]);
    expect(ops.map(([k]) => k).filter((k) => !keys.includes(k))).toEqual([]);
  });
});
