import type { Metadata } from 'next';
import { CalendarDeleteButton } from '@/components/admin/calendars/calendar-delete-button';
import { CalendarFormDialog } from '@/components/admin/calendars/calendar-form-dialog';
import { Badge } from '@/components/ui/badge';
import { EmptyRow, Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { WEEKDAYS } from '@/lib/domain/sla/calendar-schemas';
import { listCalendars } from '@/lib/domain/workflow/calendars';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Business hours' };

/** "Mon–Fri 09:00–17:00; Sat 10:00–14:00": working hours grouped by identical spans. */
function hoursSummary(hours: { day: number; start: string; end: string }[]): string {
  const byDay = new Map<number, string>();
  for (const h of [...hours].sort((a, b) => a.day - b.day || a.start.localeCompare(b.start)))
    byDay.set(h.day, [byDay.get(h.day), `${h.start}–${h.end}`].filter(Boolean).join(', '));
  const groups: { from: number; to: number; spans: string }[] = [];
  for (const [day, spans] of byDay) {
    const last = groups.at(-1);
    if (last && last.to === day - 1 && last.spans === spans) last.to = day;
    else groups.push({ from: day, to: day, spans });
  }
  const short = (d: number) => WEEKDAYS[d - 1].slice(0, 3);
  return groups.map((g) => `${short(g.from)}${g.to > g.from ? `–${short(g.to)}` : ''} ${g.spans}`).join('; ');
}

export default async function CalendarsPage() {
  const actor = await requirePortal('admin');
  const calendars = await listCalendars(actor);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Business hours</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Response and resolution times count only during a calendar's working hours. A workflow without a calendar counts
            around the clock, every day.
          </p>
        </div>
        <CalendarFormDialog />
      </div>
      <Table aria-label="Business-hours calendars">
        <THead>
          <tr>
            <TH>Calendar</TH>
            <TH>Working hours</TH>
            <TH>Holidays</TH>
            <TH>Used by</TH>
            <TH>
              <span className="sr-only">Actions</span>
            </TH>
          </tr>
        </THead>
        <TBody>
          {calendars.length === 0 && (
            <EmptyRow colSpan={5}>
              No calendars yet: every workflow counts around the clock. Create one with “New calendar”.
            </EmptyRow>
          )}
          {calendars.map((c) => (
            <TR key={c.calendar_id} data-testid={`calendar-row-${c.name}`}>
              <TD>
                <span className="font-medium">{c.name}</span>
                <span className="block text-xs text-slate-500 dark:text-slate-400">{c.time_zone}</span>
                {c.for_helpdesk && <Badge tone="neutral">Help desk</Badge>}
              </TD>
              <TD className="text-sm">{hoursSummary(c.hours)}</TD>
              <TD className="text-sm">
                {c.holidays.length === 0 ? <span className="text-slate-500">None</span> : c.holidays.length}
              </TD>
              <TD className="text-sm">
                {c.workflows.length === 0 ? (
                  <span className="text-slate-500">No workflow</span>
                ) : (
                  c.workflows.map((w) => w.name).join(', ')
                )}
              </TD>
              <TD>
                <div className="flex justify-end gap-1.5">
                  <CalendarFormDialog calendar={c} />
                  <CalendarDeleteButton calendar={c} />
                </div>
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
