import { err, ok, type Result } from '../result.ts';
import type { FieldIssue } from '../errors.ts';

/** A calendar date as `YYYY-MM-DD`. Lexical order is chronological order. */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(input: string, field = 'date'): Result<IsoDate, FieldIssue> {
  const m = ISO_DATE.exec(input.trim());
  if (!m) {
    return err({ code: 'invalid_input', field, message: `"${input}" is not a date`, accepted: 'YYYY-MM-DD' });
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    return err({ code: 'invalid_input', field, message: `"${input}" is not a real calendar date`, accepted: 'YYYY-MM-DD' });
  }
  return ok(input.trim() as IsoDate);
}

/** For literals in rule data, where a typo is a programming error. */
export function isoDate(literal: string): IsoDate {
  const parsed = parseIsoDate(literal);
  if (!parsed.ok) throw new Error(`invalid date literal in rule data: ${literal}`);
  return parsed.value;
}

/** The UTC calendar date of an instant. Only adapters call this with the clock; the core never reads it. */
export function isoDateOf(instant: Date): IsoDate {
  return instant.toISOString().slice(0, 10) as IsoDate;
}

export const onOrAfter = (date: IsoDate, from: IsoDate): boolean => date >= from;
export const before = (date: IsoDate, until: IsoDate): boolean => date < until;

/** Whether `date` falls in the half-open interval [from, until). An absent `until` is open-ended. */
export function within(date: IsoDate, from: IsoDate, until?: IsoDate | null): boolean {
  return date >= from && (until === undefined || until === null || date < until);
}
