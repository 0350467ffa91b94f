/**
 * The installation's SLA settings that views need beside the clock (lib/domain/sla/clock.ts is pure and runs in
 * the browser too, so the server reads the setting and hands it over).
 */
import { env } from '@/lib/server/env';

/** Percent of a target elapsed from which a clock reads "Due soon" (SLA_DUE_SOON_PERCENT, default 75). */
export const SLA_DUE_SOON_PERCENT: number = env.SLA_DUE_SOON_PERCENT;
