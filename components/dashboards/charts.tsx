'use client';

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { hours } from './format';

const tooltip = { background: '#0f172a', color: '#f8fafc', border: 0, borderRadius: 8 };

function NumbersTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <details>
      <summary className="cursor-pointer text-sm text-slate-600 dark:text-slate-400">Show the numbers as a table</summary>
      <table className="mt-2 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
            {head.map((h) => (
              <th key={h} className="px-2 py-1">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={String(r[0])}>
              {r.map((c, i) => (
                <td key={head[i]} className="px-2 py-1 tabular-nums">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function CreatedResolvedChart({ days }: { days: { day: string; created: number; resolved: number }[] }) {
  return (
    <figure className="space-y-3">
      <div className="h-64 w-full text-slate-500" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} data={days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} />
            <XAxis dataKey="day" stroke="currentColor" fontSize={12} tickFormatter={(d: string) => d.slice(5)} />
            <YAxis allowDecimals={false} stroke="currentColor" fontSize={12} />
            <Tooltip contentStyle={tooltip} />
            <Legend />
            <Line dataKey="created" name="Created" stroke="#6366f1" strokeWidth={2} dot={false} />
            <Line dataKey="resolved" name="Resolved" stroke="#10b981" strokeWidth={2} dot={false} strokeDasharray="6 3" />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <NumbersTable
        caption="Tickets created and resolved per day"
        head={['Day', 'Created', 'Resolved']}
        rows={days.map((d) => [d.day, d.created, d.resolved])}
      />
    </figure>
  );
}

export function CsatDistributionChart({ distribution }: { distribution: { rating: number; count: number }[] }) {
  const data = distribution.map((d) => ({ stars: `${d.rating} star${d.rating > 1 ? 's' : ''}`, ratings: d.count }));
  return (
    <figure className="space-y-3">
      <div className="h-48 w-full text-slate-500" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} />
            <XAxis dataKey="stars" stroke="currentColor" fontSize={12} />
            <YAxis allowDecimals={false} stroke="currentColor" fontSize={12} />
            <Tooltip contentStyle={tooltip} />
            <Bar dataKey="ratings" name="Ratings" fill="#f59e0b" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <NumbersTable caption="CSAT ratings by stars" head={['Stars', 'Ratings']} rows={data.map((d) => [d.stars, d.ratings])} />
    </figure>
  );
}

export function TimePerStepChart({
  steps,
}: {
  steps: { workflow: string; step: string; completed: number; median_seconds: number; p90_seconds: number }[];
}) {
  const data = steps.map((s) => ({
    name: `${s.workflow} · ${s.step}`,
    median: hours(s.median_seconds),
    p90: hours(s.p90_seconds),
    completed: s.completed,
  }));
  return (
    <figure className="space-y-3">
      <div className="h-64 w-full text-slate-500" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} />
            <XAxis dataKey="name" stroke="currentColor" fontSize={12} />
            <YAxis stroke="currentColor" fontSize={12} unit=" h" />
            <Tooltip contentStyle={tooltip} />
            <Legend />
            <Bar dataKey="median" name="Median (hours)" fill="#6366f1" />
            <Bar dataKey="p90" name="90th percentile (hours)" fill="#f59e0b" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <NumbersTable
        caption="Time spent per step in hours: median and 90th percentile"
        head={['Step', 'Finished', 'Median (h)', '90th percentile (h)']}
        rows={data.map((d) => [d.name, d.completed, d.median, d.p90])}
      />
    </figure>
  );
}
