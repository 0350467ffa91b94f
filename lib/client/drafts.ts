'use client';

/**
 * Drafts stay in the browser until sent: a reload, Back, a crash or an ended session loses nothing. One key per
 * user and form (`draftKey(userId, 'reply', ticketNumber)`), so a shared computer never shows one person's text
 * to another, and signing in again as the same person brings the text back. localStorage may be unavailable
 * (private mode, quota): then the draft lives in memory only.
 */
export const draftKey = (userId: number, ...scope: (string | number)[]) => `switchboard:draft:${userId}:${scope.join(':')}`;

export function readDraft<T>(key: string): Partial<T> | null {
  try {
    const raw = window.localStorage.getItem(key);
    const value = raw ? (JSON.parse(raw) as unknown) : null;
    return value && typeof value === 'object' ? (value as Partial<T>) : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, value: object | null) {
  try {
    if (value) window.localStorage.setItem(key, JSON.stringify(value));
    else window.localStorage.removeItem(key);
  } catch {
    /* storage unavailable or full: the draft lives in memory only */
  }
}
