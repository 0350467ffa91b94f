// Saved replies (issue 19): inputs and the placeholder rules, shared by the API, the management form and the
// composer (no server imports: client components use these too).
import { z } from 'zod';
import { ticketNumber } from './schemas';

/** The placeholders a saved reply may hold, filled for the ticket it is inserted into. */
export const CANNED_PLACEHOLDERS = {
  'requester.name': 'The requester’s full name',
  'requester.first_name': 'The requester’s first name',
  'ticket.number': 'The ticket number (TX…)',
  'ticket.subject': 'The ticket’s subject',
  'agent.name': 'Your name (the person inserting the reply)',
} as const;
export type CannedPlaceholder = keyof typeof CANNED_PLACEHOLDERS;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const known = (name: string): name is CannedPlaceholder => Object.hasOwn(CANNED_PLACEHOLDERS, name);

/** The placeholders of a text that Switchboard does not know, as written. */
export function unknownPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].filter((m) => !known(m[1])).map((m) => m[0]))];
}

/** The text with every known placeholder replaced by its value. */
export function fillPlaceholders(text: string, values: Record<CannedPlaceholder, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (known(name) ? values[name] : whole));
}

export const CANNED_TITLE_MAX = 120;
export const CANNED_BODY_MAX = 5000;

const cannedTitle = z.string().trim().min(1, 'This field may not be blank').max(CANNED_TITLE_MAX);
const cannedBody = z
  .string()
  .trim()
  .min(1, 'This field may not be blank')
  .max(CANNED_BODY_MAX)
  .superRefine((text, ctx) => {
    const unknown = unknownPlaceholders(text);
    if (unknown.length)
      ctx.addIssue({
        code: 'custom',
        message: `Unknown placeholder ${unknown.join(', ')}; use ${Object.keys(CANNED_PLACEHOLDERS)
          .map((p) => `{{${p}}}`)
          .join(', ')}`,
      });
  });

export const cannedInput = z.object({
  title: cannedTitle,
  body: cannedBody,
  /** Offered to all staff (admins only). */
  shared: z.boolean().default(false),
});
export type CannedInput = z.infer<typeof cannedInput>;

export const cannedPatch = z
  .object({ title: cannedTitle, body: cannedBody, shared: z.boolean() })
  .partial()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to change' });
export type CannedPatch = z.infer<typeof cannedPatch>;

export const cannedIdParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** `ticket`: fill the placeholders for this ticket (`filled_body`); `q`: title or text contains. */
export const cannedQuery = z.object({
  ticket: ticketNumber.optional(),
  q: z.string().trim().max(100).optional(),
});
export type CannedQuery = z.infer<typeof cannedQuery>;

/** A saved reply as the API answers it (`toCanned`). */
export const cannedOutput = z.object({
  id: z.number().int(),
  title: z.string(),
  body: z.string(),
  shared: z.boolean(),
  owner_id: z.number().int(),
  mine: z.boolean(),
  filled_body: z.string().optional().describe('With `ticket`: the body with its placeholders filled for that ticket'),
  created_at: z.string(),
  updated_at: z.string(),
});
export const cannedListOutput = z.object({ results: z.array(cannedOutput) });
