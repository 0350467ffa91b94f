'use client';

import { useState } from 'react';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';

const UNITS = [
  { id: 'minutes', seconds: 60 },
  { id: 'hours', seconds: 3600 },
  { id: 'days', seconds: 86400 },
] as const;

function split(seconds: number | null): { amount: string; unit: (typeof UNITS)[number]['id'] } {
  if (seconds == null) return { amount: '', unit: 'hours' };
  const unit = [...UNITS].reverse().find((u) => seconds % u.seconds === 0) ?? UNITS[0];
  return { amount: String(seconds / unit.seconds), unit: unit.id };
}

/** An SLA as an amount and a unit (minutes, hours, days); empty = no SLA for that priority. */
export function SlaInput({
  id,
  label,
  seconds,
  onChange,
}: {
  id: string;
  label: string;
  seconds: number | null;
  onChange: (seconds: number | null) => void;
}) {
  const [v, setV] = useState(() => split(seconds));
  const emit = (next: typeof v) => {
    setV(next);
    const n = Number(next.amount);
    const unit = UNITS.find((u) => u.id === next.unit) ?? UNITS[1];
    onChange(next.amount.trim() && Number.isFinite(n) && n > 0 ? Math.round(n * unit.seconds) : null);
  };
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">{label}</legend>
      <div className="flex gap-2">
        <Input
          id={id}
          type="number"
          min={1}
          aria-label={`${label} amount`}
          value={v.amount}
          onChange={(e) => emit({ ...v, amount: e.target.value })}
          className="w-24"
        />
        <NativeSelect
          aria-label={`${label} unit`}
          value={v.unit}
          onChange={(e) => emit({ ...v, unit: e.target.value as typeof v.unit })}
        >
          {UNITS.map((u) => (
            <option key={u.id} value={u.id}>
              {u.id}
            </option>
          ))}
        </NativeSelect>
      </div>
    </fieldset>
  );
}
