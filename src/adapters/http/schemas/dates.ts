import { z } from '@hono/zod-openapi';
import { isoDateOf, parseIsoDate, type IsoDate } from '../../../core/calendar/iso-date.ts';

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 is refused). */
export const AsOf = z
  .string()
  .superRefine((value, ctx) => {
    const parsed = parseIsoDate(value, 'asOf');
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `${parsed.error.message} (accepted: YYYY-MM-DD)` });
  })
  .openapi({ example: '2026-11-27', description: 'As-of date (YYYY-MM-DD); today (UTC) when absent' });

/** The as-of date a route uses: the one given, or the server clock's UTC date. */
export function asOfOr(value: string | undefined, now: Date): IsoDate {
  if (value === undefined) return isoDateOf(now);
  const parsed = parseIsoDate(value, 'asOf');
  return parsed.ok ? parsed.value : isoDateOf(now);
}
