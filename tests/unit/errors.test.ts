import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, conflict, forbidden, notFound, validationFailed } from '@/lib/domain/errors';
import { errorBody, fieldErrors, toAppError } from '@/lib/server/http';

const schema = z.object({
  subject: z.string().min(3, 'Too short'),
  priority: z.enum(['low', 'high']),
  contact: z.object({ email: z.string().email('Enter a valid e-mail') }),
  tags: z.array(z.string()).max(1, 'One tag at most'),
});

describe('error mapper', () => {
  it('maps a zod error to 400 VALIDATION_ERROR with messages per field', () => {
    const result = schema.safeParse({ subject: 'ab', priority: 'urgent', contact: { email: 'nope' }, tags: ['a', 'b'] });
    expect(result.success).toBe(false);
    const err = toAppError(result.error, 't1');
    expect(err).toMatchObject({ status: 400, code: 'VALIDATION_ERROR' });
    expect(err.details.subject).toEqual(['Too short']);
    expect(err.details.priority).toHaveLength(1);
    expect(err.details['contact.email']).toEqual(['Enter a valid e-mail']);
    expect(err.details.tags).toEqual(['One tag at most']);
  });

  it('says "This field is required" for missing fields and collects several messages per field', () => {
    const s = z.object({ name: z.string(), code: z.string().min(5, 'Too short').regex(/^\d+$/, 'Digits only') });
    const result = s.safeParse({ code: 'ab' });
    const fields = fieldErrors(result.error!);
    expect(fields.name).toEqual(['This field is required']);
    expect(fields.code).toEqual(['Too short', 'Digits only']);
  });

  it('prefixes query and params fields, and names root errors non_field_errors', () => {
    const q = z.object({ page: z.coerce.number().int().min(1) }).safeParse({ page: '0' });
    expect(Object.keys(fieldErrors(q.error!, 'query'))).toEqual(['query.page']);
    const strict = z.object({}).strict().safeParse({ extra: 1 });
    expect(Object.keys(fieldErrors(strict.error!))).toEqual(['non_field_errors']);
  });

  it('keeps AppErrors and maps Prisma unique/not-found errors; anything else is a 500 without internals', () => {
    const e = forbidden();
    expect(toAppError(e, 't')).toBe(e);
    expect(toAppError(Object.assign(new Error('x'), { code: 'P2002' }), 't')).toMatchObject({
      status: 409,
      code: 'DUPLICATE_RESOURCE',
    });
    expect(toAppError(Object.assign(new Error('x'), { code: 'P2025' }), 't')).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    const internal = toAppError(new Error('connection string postgres://internal-host'), 't');
    expect(internal).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
    expect(internal.message).not.toMatch(/internal-host/);
  });

  it('renders the standard error body of spec 000', () => {
    const body = errorBody(validationFailed({ subject: ['This field is required'] }), 'trace-1');
    expect(body).toEqual({
      status: 'error',
      code: 'VALIDATION_ERROR',
      error: 'Validation Error',
      message: 'One or more fields contain invalid data',
      details: { subject: ['This field is required'], trace_id: 'trace-1' },
      timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
    });
    expect(errorBody(notFound('Ticket'), 't')).toMatchObject({
      error: 'Not Found',
      message: 'Ticket not found',
      code: 'NOT_FOUND',
    });
    expect(errorBody(conflict('Taken'), 't')).toMatchObject({ error: 'Conflict', code: 'CONFLICT' });
    expect(errorBody(new AppError(429, 'RATE_LIMIT_EXCEEDED', 'Slow down', { retry_after: 30 }), 't')).toMatchObject({
      error: 'Rate Limit Exceeded',
      retry_after: 30,
    });
    expect(errorBody(new AppError(418, 'TEAPOT', 'No'), 't').error).toBe('Error');
  });
});
