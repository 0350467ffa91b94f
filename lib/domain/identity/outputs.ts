/**
 * What identity's endpoints answer (the OpenAPI document's success schemas; the contract test validates real
 * answers against them). One schema per shape: a user, a role, a role of the signed-in user.
 */
import { z } from 'zod';
import { pageOutput } from '../pagination';

/** `userSummary`: a person as other answers name them. */
export const userSummaryOutput = z.object({
  id: z.number().int(),
  username: z.string(),
  email: z.string(),
  first_name: z.string(),
  last_name: z.string(),
});

/** A role the user holds, as the admin API writes it (`userDto`): system in capitals. */
const userRoleOutput = z.object({
  system: z.enum(['HDTS', 'TTS']),
  role_name: z.string(),
  role_id: z.number().int(),
});

/** `userDto`: a user with roles (admin API). */
export const userOutput = userSummaryOutput.extend({
  phone_number: z.string().nullable(),
  is_active: z.boolean(),
  roles: z.array(userRoleOutput),
  date_joined: z.string(),
  last_login: z.string().nullable(),
});
export const userListOutput = pageOutput(userOutput);
export const userCreateOutput = userSummaryOutput.extend({ is_active: z.boolean(), message: z.string() });
export const userUpdateOutput = userOutput.extend({ message: z.string() });

/** A role of the signed-in user (`actorRoles`): system in lower case, as tokens carry it. */
const actorRoleOutput = z.object({
  system: z.enum(['hdts', 'tts']),
  role: z.string(),
  system_role_id: z.number().int(),
});
/** The first of the user's roles (003's single `role`); null without any. */
const primaryRoleOutput = z.object({ id: z.number().int(), name: z.string() }).nullable();

/** POST …/token/: the token pair (also set as cookies) and who signed in. */
export const loginOutput = z.object({
  access: z.string(),
  refresh: z.string(),
  user: userSummaryOutput.extend({ role: primaryRoleOutput, roles: z.array(actorRoleOutput) }),
});
/** POST …/token/refresh/: the rotated pair (also set as cookies). */
export const tokenPairOutput = z.object({ access: z.string(), refresh: z.string() });

/** An answer that only says what happened. */
export const messageOutput = z.object({ message: z.string() });

export const profileOutput = userSummaryOutput.extend({
  phone_number: z.string().nullable(),
  role: primaryRoleOutput,
  roles: z.array(actorRoleOutput),
  systems: z.array(z.enum(['HDTS', 'TTS'])),
  email_preferences: z.record(z.string(), z.boolean()),
  time_zone: z.string().nullable().describe("An IANA zone; null: the browser's own zone"),
});

/** `roleDto`: a role of either system. */
export const roleOutput = z.object({
  id: z.number().int(),
  role_id: z.number().int(),
  name: z.string(),
  description: z.string(),
  permissions: z.array(z.string()),
  system: z.enum(['HDTS', 'TTS']),
  is_active: z.boolean(),
});
export const roleListOutput = pageOutput(roleOutput);
export const roleMembersOutput = z.object({
  role: z.object({ role_id: z.number().int(), name: z.string() }),
  users: z.array(userSummaryOutput),
});
export const roleAssignmentOutput = z.object({
  assignment_id: z.number().int(),
  user_id: z.number().int(),
  role_id: z.number().int(),
  role_name: z.string(),
  system: z.enum(['HDTS', 'TTS']),
  assigned_at: z.string(),
});

export const twoFactorStatusOutput = z.object({
  enabled: z.boolean(),
  enabled_at: z.string().nullable(),
  required: z.boolean(),
  recovery_codes_left: z.number().int(),
});
/** The new secret is the answer itself: the authenticator app needs it (it is stored sealed, never shown again). */
export const twoFactorSetupOutput = z.object({
  secret: z.string(),
  otpauth_url: z.string(),
  qr_code: z.string().describe('The otpauth:// URI as a PNG data URL'),
});
const recoveryCodes = z.array(z.string()).describe('Shown once; only their digests are stored');
export const twoFactorEnableOutput = z.object({ enabled: z.literal(true), recovery_codes: recoveryCodes });
export const twoFactorDisableOutput = z.object({ enabled: z.literal(false) });
export const recoveryCodesOutput = z.object({ recovery_codes: recoveryCodes });
