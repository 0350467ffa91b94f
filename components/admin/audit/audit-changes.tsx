/**
 * An audit entry's before and after values, readable: one row per field that either side names, the changed ones
 * marked; values that are not objects are shown whole.
 */
const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function show(v: unknown): string {
  if (v === undefined) return '—';
  if (v === null) return 'empty';
  if (typeof v === 'string') return v === '' ? 'empty' : v;
  return JSON.stringify(v);
}

export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  if (before == null && after == null) return <span className="text-xs text-slate-500">No values recorded</span>;
  if (!isRecord(before ?? {}) || !isRecord(after ?? {})) {
    return (
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
        <dt className="text-slate-500">Before</dt>
        <dd className="break-all font-mono">{show(before)}</dd>
        <dt className="text-slate-500">After</dt>
        <dd className="break-all font-mono">{show(after)}</dd>
      </dl>
    );
  }
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return (
    <table className="text-xs">
      <caption className="sr-only">Values before and after</caption>
      <thead>
        <tr className="text-left text-slate-500">
          <th scope="col" className="pr-3 font-medium">
            Field
          </th>
          <th scope="col" className="pr-3 font-medium">
            Before
          </th>
          <th scope="col" className="font-medium">
            After
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => {
          const changed = JSON.stringify(b[k]) !== JSON.stringify(a[k]);
          return (
            <tr key={k} className={changed ? 'font-semibold' : 'text-slate-500'}>
              <th scope="row" className="pr-3 text-left font-mono font-normal">
                {k.replaceAll('_', ' ')}
                {changed ? <span className="sr-only"> (changed)</span> : null}
              </th>
              <td className="max-w-64 break-all pr-3 font-mono">{k in b ? show(b[k]) : '—'}</td>
              <td className="max-w-64 break-all font-mono">{k in a ? show(a[k]) : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
