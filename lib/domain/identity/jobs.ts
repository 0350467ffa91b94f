import { defineJob } from '../jobs';
import { sendPasswordResetMail } from './account';
import { PASSWORD_RESET_MAIL } from './schemas';

/** identity.password_reset_mail: make a reset link and mail it (a retry makes a fresh link). */
export const passwordResetMailJob = defineJob({
  ...PASSWORD_RESET_MAIL,
  handler: async (payload) => {
    await sendPasswordResetMail(payload);
  },
});

export const IDENTITY_JOBS = [passwordResetMailJob];
