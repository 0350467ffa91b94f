'use client';

import { useRouter } from 'next/navigation';

export function PortalSwitcher({ current, portals }: { current: string; portals: { id: string; label: string }[] }) {
  const router = useRouter();
  if (portals.length < 2) {
    return <span className="rounded-md bg-slate-100 px-2 py-1 text-xs font-medium dark:bg-slate-800">{portals[0]?.label}</span>;
  }
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">Switch portal</span>
      <select
        aria-label="Switch portal"
        value={current}
        onChange={(e) => router.push(`/${e.target.value}`)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        {portals.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label} portal
          </option>
        ))}
      </select>
    </label>
  );
}
