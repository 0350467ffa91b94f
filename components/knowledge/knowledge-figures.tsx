import Link from 'next/link';

interface Stats {
  days: number;
  totals: {
    published: number;
    drafts: number;
    archived: number;
    views: number;
    deflections: number;
    helpful: number;
    not_helpful: number;
  };
  daily: { day: string; views: number; deflections: number }[];
  most_viewed: { id: number; slug: string; title: string; views: number }[];
  least_helpful: { id: number; slug: string; title: string; helpful: number; not_helpful: number; helpful_ratio: number }[];
  top_deflecting: { id: number; slug: string; title: string; deflections: number }[];
}

function Figure({ label, value, hint }: { label: string; value: string | number; hint?: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
      <p className="text-xs text-slate-500">{label}</p>
      <p className="text-2xl font-semibold tabular-nums">{value}</p>
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
    </div>
  );
}

/** The admin's knowledge figures: totals, a daily bar chart (with its numbers as text) and three short lists. */
export function KnowledgeFigures({ stats, base }: { stats: Stats; base: string }) {
  const max = Math.max(1, ...stats.daily.map((d) => d.views));
  const votes = stats.totals.helpful + stats.totals.not_helpful;
  return (
    <section aria-labelledby="kb-figures" className="space-y-4" data-testid="kb-figures">
      <h2 id="kb-figures" className="font-semibold">
        Last {stats.days} days
      </h2>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Figure label="Article views" value={stats.totals.views.toLocaleString('en-US')} />
        <Figure
          label="Tickets deflected"
          value={stats.totals.deflections.toLocaleString('en-US')}
          hint="“This solved my problem”"
        />
        <Figure
          label="Found helpful"
          value={votes ? `${Math.round((stats.totals.helpful / votes) * 100)} %` : '—'}
          hint={`${votes} votes, all time`}
        />
        <Figure
          label="Articles"
          value={stats.totals.published}
          hint={`${stats.totals.drafts} drafts · ${stats.totals.archived} archived`}
        />
      </div>
      <figure className="rounded-xl border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
        <figcaption className="mb-2 text-xs text-slate-500">Views per day (bars) and deflections (number below)</figcaption>
        <ol className="flex h-28 items-end gap-0.5" aria-label="Views and deflections per day">
          {stats.daily.map((d) => (
            <li
              key={d.day}
              className="flex flex-1 flex-col items-center gap-0.5"
              title={`${d.day}: ${d.views} views, ${d.deflections} deflections`}
            >
              <span
                className="w-full rounded-t bg-brand-500"
                style={{ height: `${Math.round((d.views / max) * 88)}px` }}
                aria-hidden
              />
              <span className="sr-only">
                {d.day}: {d.views} views, {d.deflections} deflections
              </span>
              <span className="text-[9px] text-slate-500" aria-hidden>
                {d.deflections || ''}
              </span>
            </li>
          ))}
        </ol>
      </figure>
      <div className="grid gap-4 lg:grid-cols-3">
        {[
          { title: 'Most viewed', rows: stats.most_viewed.map((r) => ({ ...r, figure: `${r.views} views` })) },
          {
            title: 'Least helpful',
            rows: stats.least_helpful.map((r) => ({ ...r, figure: `${r.helpful} yes · ${r.not_helpful} no` })),
          },
          { title: 'Most deflections', rows: stats.top_deflecting.map((r) => ({ ...r, figure: `${r.deflections}` })) },
        ].map((list) => (
          <section
            key={list.title}
            className="min-w-0 rounded-xl border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
          >
            <h3 className="mb-1 text-sm font-semibold">{list.title}</h3>
            {list.rows.length ? (
              <ol className="space-y-1 text-sm">
                {list.rows.slice(0, 5).map((r) => (
                  <li key={r.id} className="flex justify-between gap-2">
                    <Link href={`${base}/${r.slug}`} className="min-w-0 truncate hover:underline">
                      {r.title}
                    </Link>
                    <span className="shrink-0 text-xs text-slate-500">{r.figure}</span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-sm text-slate-500">Nothing yet.</p>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}
