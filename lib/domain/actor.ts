/** Who is acting, with the request facts the audit log records. */
export type System = 'hdts' | 'tts';

export interface ActorRole {
  system: System;
  role: string;
  system_role_id: number;
}

export interface Actor {
  id: number;
  email: string;
  username: string;
  name: string;
  roles: ActorRole[];
  /** Admin roles withheld until the user enrols in two-factor sign-in (REQUIRE_2FA_FOR_ADMINS). */
  twoFactorRequired?: boolean;
  /** The IANA zone the user chose for showing times (profile); absent: the browser's own zone. */
  timeZone?: string;
  ip?: string | null;
  userAgent?: string | null;
}

/** Jobs and scheduled work act as the system (id 0 never matches a user). */
export const SYSTEM_ACTOR: Actor = { id: 0, email: 'system@switchboard', username: 'system', name: 'System', roles: [] };

export function hasRole(actor: Actor | null | undefined, system: System, role: string): boolean {
  return !!actor?.roles.some((r) => r.system === system && r.role === role);
}

export const ROLE = {
  employee: 'Employee',
  coordinator: 'Ticket Coordinator',
  admin: 'Admin',
} as const;

export const isHdtsAdmin = (a: Actor | null | undefined) => hasRole(a, 'hdts', ROLE.admin);
export const isTtsAdmin = (a: Actor | null | undefined) => hasRole(a, 'tts', ROLE.admin);
export const isAnyAdmin = (a: Actor | null | undefined) => isHdtsAdmin(a) || isTtsAdmin(a);
export const isCoordinator = (a: Actor | null | undefined) => hasRole(a, 'hdts', ROLE.coordinator);
export const isEmployee = (a: Actor | null | undefined) => hasRole(a, 'hdts', ROLE.employee);
/** Any TTS role other than Admin makes the user an agent. */
export const isAgent = (a: Actor | null | undefined) => !!a?.roles.some((r) => r.system === 'tts' && r.role !== ROLE.admin);
