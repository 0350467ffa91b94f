// The success answers of the catalog and saved-view APIs (documented in the OpenAPI document, checked by the
// contract test). The ticket answers are in outputs.ts.
import { z } from 'zod';
import { CATALOG_KINDS } from './schemas';

/** What the submit form offers (`catalog()`): retired entries are left out. */
export const catalogOutput = z.object({
  departments: z.array(z.string()),
  categories: z.array(z.object({ name: z.string(), department: z.string().nullable(), sub_categories: z.array(z.string()) })),
});

const entry = { id: z.number().int(), name: z.string(), active: z.boolean() };
/** The admins' whole catalog with ids and retired entries (`catalogTree`). */
export const catalogTreeOutput = z.object({
  departments: z.array(z.object(entry)),
  categories: z.array(
    z.object({
      ...entry,
      department: z.object({ id: z.number().int(), name: z.string() }).nullable(),
      sub_categories: z.array(z.object(entry)),
    }),
  ),
});

/** One entry after it was added, retired or offered again. */
export const catalogEntryOutput = z.object({ kind: z.enum(CATALOG_KINDS), ...entry });

/** A saved view (`toView`). */
export const savedViewOutput = z.object({
  id: z.number().int(),
  name: z.string(),
  url: z.string().describe('The list URL with its filters and sort'),
  shared: z.boolean(),
  owner_id: z.number().int(),
  mine: z.boolean(),
  created_at: z.string(),
});
export const savedViewListOutput = z.object({ results: z.array(savedViewOutput) });
