'use client';

import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface CsatWeek {
  week_start: string;
  average: number | null;
  count: number;
}

const label = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** Average rating per week (line) and number of ratings (bars), with the same numbers as a table. */
export function CsatTrend({ weeks }: { weeks: CsatWeek[] }) {
  const data = weeks.map((w) => ({ week: label(w.week_start), average: w.average, ratings: w.count }));
  return (
    <figure className="space-y-3">
      <div className="h-64 w-full text-slate-500" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} />
            <XAxis dataKey="week" stroke="currentColor" fontSize={12} />
            <YAxis yAxisId="avg" domain={[0, 5]} ticks={[1, 2, 3, 4, 5]} stroke="currentColor" fontSize={12} />
            <YAxis yAxisId="n" orientation="right" allowDecimals={false} stroke="currentColor" fontSize={12} />
            <Tooltip contentStyle={{ background: 'var(--tooltip-bg, #0f172a)', color: '#f8fafc', border: 0, borderRadius: 8 }} />
            <Bar yAxisId="n" dataKey="ratings" name="Ratings" fill="#94a3b8" fillOpacity={0.5} />
            <Line yAxisId="avg" dataKey="average" name="Average rating" stroke="#f59e0b" strokeWidth={2} connectNulls />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary className="cursor-pointer text-sm text-slate-600 dark:text-slate-400">Show the numbers as a table</summary>
        <table className="mt-2 text-sm">
          <caption className="sr-only">Average CSAT rating per week</caption>
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
              <th className="px-2 py-1">Week of</th>
              <th className="px-2 py-1">Average rating</th>
              <th className="px-2 py-1">Ratings</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.week}>
                <td className="px-2 py-1">{d.week}</td>
                <td className="px-2 py-1 tabular-nums">{d.average ?? '—'}</td>
                <td className="px-2 py-1 tabular-nums">{d.ratings}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
