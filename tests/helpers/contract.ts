/**
 * The API contract, checked against real answers: each case calls one OpenAPI operation as an allowed caller
 * with a valid request and validates the answer (Ajv) against the schema the generated document declares for
 * that status; then one invalid request (or, for an operation without input, an unauthenticated one) against
 * the Error schema. Every documented object has `additionalProperties: false`, so an undocumented field fails.
 *
 * Cases live in tests/integration/contract/<area>.cases.ts (run by contract-responses-<area>.test.ts);
 * contract-coverage.test.ts checks that every operation of the document is documented and has exactly one case.
 */
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Handler, Method } from '@/lib/server/http';
import { openApiDocument } from '@/lib/server/openapi/document';
import { type CallOptions, call } from './api';

export type ContractDoc = Awaited<ReturnType<typeof openApiDocument>>;
type Content = Record<string, { schema: unknown }>;
export type ContractOp = {
  responses: Record<string, { content?: Content }>;
  security?: unknown[];
  parameters?: unknown[];
  requestBody?: unknown;
};

export interface ContractCase {
  /** The path as the document writes it, e.g. `/tts/tasks/{id}/`. */
  path: string;
  method: Method;
  route: Partial<Record<Method, Handler>>;
  /** A valid request by an allowed caller. */
  valid: () => Promise<CallOptions>;
  /**
   * An invalid request (answered 400 by default); omitted: the same request without credentials (401), or none
   * for a public operation without parameters or body (nothing a client could get wrong).
   */
  invalid?: () => Promise<CallOptions>;
  /** The status the invalid request gets, when not 400 (e.g. 404 for an id that does not exist). */
  invalidStatus?: number;
  /** A list answer may be empty (otherwise `results` must hold an item, so item schemas are exercised). */
  mayBeEmpty?: boolean;
}

/** OpenAPI 3.0 writes `exclusiveMinimum: true` beside `minimum` (draft 4); Ajv reads draft 7's numeric form. */
export function draft7(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(draft7);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = draft7(v);
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (out[flag] === true) {
      out[flag] = out[bound];
      delete out[bound];
    } else if (out[flag] === false) delete out[flag];
  }
  return out;
}

export const caseKey = (c: { method: string; path: string }) => `${c.method.toUpperCase()} ${c.path}`;

/** Every operation of the document as `METHOD /path`, with its operation object. */
export function operations(doc: ContractDoc): [string, ContractOp][] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops as Record<string, ContractOp>).map(
      ([m, op]) => [caseKey({ method: m, path }), op] as [string, ContractOp],
    ),
  );
}

/** True when the operation declares its success answer: a schema (JSON or a media type), or 204. */
export function documentsSuccess(op: ContractOp): boolean {
  return Object.entries(op.responses).some(([s, r]) => s === '204' || (s.startsWith('2') && !!r.content));
}

/** Registers one vitest test per case; `setup` (the area's shared data) runs once before them. */
export function contractSuite(area: string, cases: ContractCase[], setup?: () => Promise<unknown>) {
  let doc: ContractDoc;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  beforeAll(async () => {
    doc = await openApiDocument();
    for (const [name, schema] of Object.entries(doc.components.schemas)) ajv.addSchema(schema, `#/components/schemas/${name}`);
    await setup?.();
  });

  describe(`documented responses: ${area}`, () => {
    for (const c of cases) {
      it(`${caseKey(c)}: a real answer validates against the document, a refused request against Error`, async () => {
        const op = (doc.paths as Record<string, Record<string, ContractOp>>)[c.path]?.[c.method.toLowerCase()];
        expect(op, `${caseKey(c)} is in the document`).toBeDefined();
        const ok = await call(c.route, c.method, c.path, await c.valid());
        expect(ok.status, JSON.stringify(ok.body)).toBeLessThan(300);
        const declared = op.responses[String(ok.status)];
        expect(declared, `documented ${ok.status}`).toBeDefined();
        if (ok.status !== 204) {
          const content = declared.content ?? {};
          const json = content['application/json'];
          if (json) {
            const validate = ajv.compile(draft7(json.schema) as object);
            expect(validate(ok.body), JSON.stringify(validate.errors)).toBe(true);
            if (!c.mayBeEmpty && Array.isArray(ok.body?.results)) {
              expect(ok.body.results.length, 'a list with items').toBeGreaterThan(0);
            }
          } else {
            const type = (ok.headers.get('content-type') ?? '').split(';')[0].trim();
            expect(Object.keys(content), 'the answer has its documented media type').toContain(type);
          }
        }

        const nothingToRefuse = op.security?.length === 0 && !op.parameters?.length && !op.requestBody;
        if (!c.invalid && nothingToRefuse) return;
        const refusedOpts = c.invalid ? await c.invalid() : { ...(await c.valid()), token: null, headers: {} };
        const refused = await call(c.route, c.method, c.path, refusedOpts);
        const expected = c.invalid ? (c.invalidStatus ?? 400) : 401;
        expect(refused.status, JSON.stringify(refused.body)).toBe(expected);
        const errorSchema = op.responses[String(expected)]?.content?.['application/json']?.schema;
        expect(errorSchema, `documented ${expected}`).toBeDefined();
        const validateError = ajv.compile(draft7(errorSchema) as object);
        expect(validateError(refused.body), JSON.stringify(validateError.errors)).toBe(true);
      });
    }
  });
}
