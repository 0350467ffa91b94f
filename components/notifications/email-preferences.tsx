'use client';

import { useState } from 'react';
import { toast } from 'sonner';
import { api } from '@/lib/client/api';
import { NOTIFICATION_TYPE_LABELS, type NotificationType } from '@/lib/domain/notifications/schemas';

/**
 * Per-type e-mail switches for the profile page (saved through the profile API as email_preferences); `types` are
 * the kinds that can reach this person (notifications/policy.ts), so an employee is not offered task e-mails.
 */
export function EmailPreferences({ initial, types }: { initial: Record<string, boolean>; types: NotificationType[] }) {
  const [prefs, setPrefs] = useState<Record<string, boolean>>(initial);
  const [saving, setSaving] = useState<string | null>(null);

  async function toggle(type: NotificationType, on: boolean) {
    setSaving(type);
    const before = prefs;
    setPrefs({ ...prefs, [type]: on });
    try {
      await api('PATCH', '/auth/api/v1/users/profile/', { email_preferences: { [type]: on } });
    } catch (e) {
      setPrefs(before);
      toast.error(e instanceof Error ? e.message : 'Could not save your preference');
    } finally {
      setSaving(null);
    }
  }

  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800" aria-label="E-mail me when">
      {types.map((type) => {
        const on = prefs[type] !== false;
        return (
          <li key={type} className="flex items-center justify-between py-2">
            <label htmlFor={`pref-${type}`} className="text-sm">
              {NOTIFICATION_TYPE_LABELS[type]}
            </label>
            <input
              id={`pref-${type}`}
              type="checkbox"
              role="switch"
              aria-checked={on}
              checked={on}
              disabled={saving === type}
              onChange={(e) => toggle(type, e.target.checked)}
              className="h-4 w-4 accent-brand-600"
            />
          </li>
        );
      })}
    </ul>
  );
}
