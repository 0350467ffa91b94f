/**
 * The contract's coverage: every operation in the OpenAPI document declares its success answer, and each one
 * is exercised by exactly one case in tests/integration/contract/*.cases.ts (see tests/helpers/contract.ts).
 */
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '@/lib/server/openapi/document';
import { type ContractCase, caseKey, documentsSuccess, operations } from '../helpers/contract';

const modules = import.meta.glob<{ cases: ContractCase[] }>('./contract/*.cases.ts', { eager: true });
const keys = Object.values(modules).flatMap((m) => m.cases.map(caseKey));

describe('the API contract covers every operation', () => {
  it('no operation is checked twice', () => {
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('every case names an operation of the document', async () => {
    const ops = new Set(operations(await openApiDocument()).map(([k]) => k));
    expect(keys.filter((k) => !ops.has(k))).toEqual([]);
  });

  it('every operation declares its success answer and has a case', async () => {
    const ops = operations(await openApiDocument());
    expect(ops.length).toBeGreaterThan(150);
    expect(ops.filter(([, op]) => !documentsSuccess(op)).map(([k]) => k)).toEqual([]);
    expect(ops.map(([k]) => k).filter((k) => !keys.includes(k))).toEqual([]);
  });
});
