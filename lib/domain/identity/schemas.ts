import { z } from 'zod';
import { defineMessage } from '../jobs';
import { pageQuery } from '../pagination';
import { isTimeZone } from '../sla/business-time';

export const password = z
  .string()
  .min(10, 'Password must be at least 10 characters')
  .max(200)
  .refine((p) => /[A-Za-z]/.test(p) && /[0-9]/.test(p), 'Password must contain letters and digits');

export const loginInput = z
  .object({
    username: z.string().trim().min(1).max(254).optional(),
    email: z.string().trim().min(1).max(254).optional(),
    password: z.string().min(1, 'This field is required').max(200),
    /** The second factor when two-factor sign-in is on: a 6-digit code or a recovery code. */
    otp_code: z.string().trim().max(32).optional(),
  })
  .refine((v) => v.username || v.email, { message: 'This field is required', path: ['username'] });
export type LoginInput = z.infer<typeof loginInput>;

export const refreshInput = z.object({ refresh: z.string().min(1, 'This field is required') });
export const logoutInput = z.object({ refresh: z.string().min(1).optional() });

export const systemName = z
  .string()
  .transform((s) => s.toLowerCase())
  .pipe(z.enum(['hdts', 'tts']));

export const userCreateInput = z.object({
  username: z
    .string()
    .trim()
    .min(3, 'Username must be at least 3 characters')
    .max(150, 'Username must be at most 150 characters')
    .regex(/^[\w.@+-]+$/, 'Letters, digits and @/./+/-/_ only'),
  email: z.string().trim().toLowerCase().email().max(254),
  first_name: z.string().trim().max(150).default(''),
  last_name: z.string().trim().max(150).default(''),
  phone_number: z.string().trim().max(32).nullish(),
  password,
  is_active: z.boolean().default(true),
});
export type UserCreateInput = z.infer<typeof userCreateInput>;

export const userUpdateInput = z
  .object({
    username: userCreateInput.shape.username,
    email: userCreateInput.shape.email,
    first_name: z.string().trim().max(150),
    last_name: z.string().trim().max(150),
    phone_number: z.string().trim().max(32).nullable(),
    is_active: z.boolean(),
    password,
  })
  .partial()
  .strict();
export type UserUpdateInput = z.infer<typeof userUpdateInput>;

export const userListQuery = pageQuery.extend({
  search: z.string().trim().max(100).optional(),
  is_active: z.enum(['true', 'false']).optional(),
  system: systemName.optional(),
});
export type UserListQuery = z.infer<typeof userListQuery>;

export const idParam = z.object({ id: z.coerce.number().int().positive() });
export const roleIdParam = z.object({ role_id: z.coerce.number().int().positive() });

export const roleAssignInput = z.object({
  user_id: z.number().int().positive(),
  role_id: z.number().int().positive(),
  system: systemName.optional(),
});

export const roleListQuery = pageQuery.extend({ system: systemName.optional() });

/** An IANA time zone the runtime knows ("Europe/Berlin", "UTC"). */
export const timeZoneInput = z
  .string()
  .trim()
  .min(1, { message: 'This field is required', abort: true })
  .max(64, { abort: true })
  .refine(isTimeZone, 'Unknown time zone: use an IANA name such as Europe/Berlin or America/New_York');

export const profileUpdateInput = z
  .object({
    first_name: z.string().trim().max(150),
    last_name: z.string().trim().max(150),
    phone_number: z.string().trim().max(32).nullable(),
    email_preferences: z.record(z.string().max(64), z.boolean()),
    /** An IANA zone ("Europe/Berlin") for showing times; null: the browser's own zone. */
    time_zone: timeZoneInput.nullable(),
  })
  .partial()
  .strict();

export const changePasswordInput = z.object({
  old_password: z.string().min(1, 'This field is required'),
  new_password: password,
});

export const userRoleSetInput = z.object({
  role_ids: z.array(z.number().int().positive()).max(50),
});

export const passwordResetRequestInput = z.object({ email: z.string().trim().toLowerCase().email().max(254) });
export const passwordResetConfirmInput = z.object({
  token: z.string().trim().min(20, 'This link is not valid').max(200),
  new_password: password,
});

/** A 6-digit code from the authenticator app, or (where allowed) a recovery code. */
export const otpCode = z.string().trim().min(6, 'Enter the 6-digit code').max(32);
export const twoFactorEnableInput = z.object({ code: otpCode });
export const twoFactorDisableInput = z.object({ password: z.string().min(1, 'This field is required').max(200), code: otpCode });
export const recoveryCodesInput = z.object({ code: otpCode });

/** Identity's own job: e-mail a password reset link (the token is made by the job, never stored in clear). */
export const PASSWORD_RESET_MAIL = defineMessage({
  name: 'identity.password_reset_mail',
  schema: z.object({ user_id: z.number().int().positive(), requested_at: z.string() }),
  retry: { limit: 3, delaySeconds: 2, backoff: true },
});
