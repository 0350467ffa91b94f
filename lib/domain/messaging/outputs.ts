// The success answers of messaging's 002 API (documented in the OpenAPI document, checked by the contract test).
import { z } from 'zod';
import { PARTICIPANT_ROLES } from '../contracts/participants';
import { pageOutput } from '../pagination';

const mentions = z
  .record(z.string(), z.string())
  .describe('The people the text mentions who exist: lowercased username → name (none on an unsent comment)');
const author = {
  user_id: z.number().int(),
  username: z.string(),
  user_name: z.string().nullable(),
};

/** A comment of the ticket's thread (`commentDto`). */
export const commentOutput = z.object({
  id: z.number().int(),
  ticket_id: z.string().describe('The ticket number (TX…)'),
  ...author,
  text: z.string().describe('Empty once unsent'),
  mentions,
  parent_id: z.number().int().nullable(),
  is_internal: z.boolean(),
  is_unsent: z.boolean(),
  edited_at: z.string().nullable(),
  ratings: z.object({ thumbs_up: z.number().int(), thumbs_down: z.number().int() }),
  /** A union with null: OpenAPI 3.0 lets null through an enum only when the enum lists it. */
  my_rating: z.union([z.enum(['thumbs_up', 'thumbs_down']), z.null()]),
  attachments: z.array(
    z.object({
      id: z.number().int(),
      file_name: z.string(),
      content_type: z.string(),
      size: z.number().int(),
      url: z.string().describe('Its download'),
      created_at: z.string(),
    }),
  ),
  created_at: z.string(),
  updated_at: z.string(),
});
/** A top-level comment with its replies (the list, and a new comment, which has none yet). */
export const commentWithRepliesOutput = commentOutput.extend({ replies: z.array(commentOutput) });
export const commentListOutput = pageOutput(commentWithRepliesOutput);

/** A message of the coordinator ↔ agent conversation (`messageDto`). */
export const messageOutput = z.object({
  id: z.number().int(),
  ticket_id: z.string(),
  ...author,
  text: z.string().describe('Empty once unsent'),
  mentions,
  parent_id: z.number().int().nullable(),
  is_unsent: z.boolean(),
  edited_at: z.string().nullable(),
  unsent_at: z.string().nullable(),
  created_at: z.string(),
});
export const messageListOutput = pageOutput(messageOutput);

export const mentionableOutput = z.object({
  results: z.array(z.object({ id: z.number().int(), username: z.string(), name: z.string() })),
});

export const participantOutput = z.object({
  ticket_id: z.string(),
  user_id: z.number().int(),
  role: z.enum(PARTICIPANT_ROLES),
  remove: z.boolean().optional(),
  recorded: z.literal(true),
});
