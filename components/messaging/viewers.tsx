import type { Viewer } from '@/lib/client/realtime';

function initials(name: string) {
  return name
    .split(/[\s._-]+/)
    .map((p) => p[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

/** Who has the ticket open now, as avatars (names on hover and for screen readers). */
export function Viewers({ viewers }: { viewers: Viewer[] }) {
  if (!viewers.length) return null;
  return (
    <ul className="flex -space-x-2" aria-label={`Viewing now: ${viewers.map((v) => v.name).join(', ')}`} data-testid="viewers">
      {viewers.slice(0, 6).map((v) => (
        <li
          key={v.id}
          title={v.name}
          className="flex h-7 w-7 items-center justify-center rounded-full border-2 border-white bg-brand-100 text-[10px] font-semibold text-brand-700 dark:border-slate-900"
        >
          {initials(v.name)}
        </li>
      ))}
      {viewers.length > 6 && <li className="pl-3 text-xs text-slate-500">+{viewers.length - 6}</li>}
    </ul>
  );
}
