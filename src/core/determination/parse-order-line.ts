import { isoDate, parseIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import type { FieldIssue } from '../errors.ts';
import { parseCountryCode, type CountryCode } from '../countries/country.ts';
import { err, ok, type Result } from '../result.ts';
import { END_USES, type EndUse, type OrderLine } from './types.ts';

/** The order-book columns Clearance reads; any other column is kept and passed through. */
export const ORDER_COLUMNS = [
  'order_id',
  'order_date',
  'item',
  'quantity',
  'unit_price_usd',
  'ship_from_country',
  'ship_to_country',
  'end_user',
  'end_user_country',
  'end_user_hq_country',
  'end_use',
  'consignee',
] as const;
export const REQUIRED_COLUMNS = ['order_id', 'order_date', 'item', 'quantity', 'ship_to_country', 'end_user', 'end_user_country'] as const;

/** The first date the rules model: the August 2022 "is informed" letters predate the October 2022 rule. */
export const EARLIEST_ORDER_DATE = isoDate('2022-01-01');

export interface ParseOptions {
  /** Latest acceptable order date; the adapter passes "today + a year" (the core never reads the clock). */
  readonly latestDate?: IsoDate;
}

const MAX_QUANTITY = 10_000_000;

/** One bad line: every field issue found on it, with the 1-based line number in the file. */
export interface LineError {
  readonly lineNumber: number;
  readonly orderId: string | null;
  readonly issues: readonly FieldIssue[];
}

function text(record: Readonly<Record<string, string | undefined>>, field: string): string {
  return (record[field] ?? '').trim();
}

/** Validates one order-book record. Collects every field issue on the line rather than stopping at the first. */
export function parseOrderLine(record: Readonly<Record<string, string | undefined>>, lineNumber: number, options: ParseOptions = {}): Result<OrderLine, LineError> {
  const issues: FieldIssue[] = [];
  const required = (field: string): string => {
    const v = text(record, field);
    if (v === '') issues.push({ code: 'invalid_input', field, message: 'is required' });
    return v;
  };
  const country = (field: string, value: string): CountryCode | null => {
    if (value === '') return null;
    const r = parseCountryCode(value, field);
    if (!r.ok) {
      issues.push(r.error);
      return null;
    }
    return r.value;
  };

  const orderId = required('order_id');

  let orderDate: IsoDate | null = null;
  const dateText = required('order_date');
  if (dateText !== '') {
    const d = parseIsoDate(dateText, 'order_date');
    if (!d.ok) issues.push(d.error);
    else if (d.value < EARLIEST_ORDER_DATE) {
      issues.push({ code: 'invalid_input', field: 'order_date', message: `${d.value} is before 2022; the advanced-computing rules start in 2022 (is-informed letters of 2022-08-26, IFR of 2022-10-07) and earlier dates are not modelled`, accepted: `a date from ${EARLIEST_ORDER_DATE}` });
    } else if (options.latestDate !== undefined && d.value > options.latestDate) {
      issues.push({ code: 'invalid_input', field: 'order_date', message: `${d.value} is too far in the future; the rules for that date are not known`, accepted: `a date up to ${options.latestDate}` });
    } else orderDate = d.value;
  }

  const item = required('item').toLowerCase();

  let quantity = 0;
  const qText = required('quantity');
  if (qText !== '') {
    const q = Number(qText.replace(/_/g, ''));
    if (!Number.isFinite(q) || !/^[+-]?\d+(\.\d+)?$/.test(qText)) issues.push({ code: 'invalid_input', field: 'quantity', message: `"${qText}" is not a number`, accepted: 'a whole number of units, at least 1' });
    else if (q < 0) issues.push({ code: 'invalid_input', field: 'quantity', message: `${qText} is negative; returns and credits are not export transactions`, accepted: 'a whole number of units, at least 1' });
    else if (q === 0) issues.push({ code: 'invalid_input', field: 'quantity', message: 'is zero', accepted: 'a whole number of units, at least 1' });
    else if (!Number.isInteger(q)) issues.push({ code: 'invalid_input', field: 'quantity', message: `${qText} is not a whole number of units`, accepted: 'a whole number of units, at least 1' });
    else if (q > MAX_QUANTITY) issues.push({ code: 'invalid_input', field: 'quantity', message: `${qText} is implausibly large`, accepted: `at most ${MAX_QUANTITY.toLocaleString('en-US')}` });
    else quantity = q;
  }

  let unitPriceUsd: number | null = null;
  const pText = text(record, 'unit_price_usd').replace(/^\$/, '').replace(/,/g, '');
  if (pText !== '') {
    const p = Number(pText);
    if (!Number.isFinite(p)) issues.push({ code: 'invalid_input', field: 'unit_price_usd', message: `"${pText}" is not a number`, accepted: 'a non-negative amount in US dollars, e.g. 25000 or 25000.50' });
    else if (p < 0) issues.push({ code: 'invalid_input', field: 'unit_price_usd', message: `${pText} is negative`, accepted: 'a non-negative amount in US dollars' });
    else unitPriceUsd = p;
  }

  const shipFromText = text(record, 'ship_from_country');
  const shipFrom = shipFromText === '' ? 'US' : country('ship_from_country', shipFromText);
  const shipTo = country('ship_to_country', required('ship_to_country'));
  const endUser = required('end_user');
  const endUserCountry = country('end_user_country', required('end_user_country'));
  const hq = country('end_user_hq_country', text(record, 'end_user_hq_country'));

  let endUse: EndUse | null = null;
  const useText = text(record, 'end_use').toLowerCase();
  if (useText !== '') {
    const found = END_USES.find((u) => u === useText);
    if (found === undefined) issues.push({ code: 'invalid_input', field: 'end_use', message: `"${useText}" is not a known end use`, accepted: END_USES.join(', ') });
    else endUse = found;
  }
  const consigneeText = text(record, 'consignee');

  if (issues.length > 0 || orderDate === null || shipFrom === null || shipTo === null || endUserCountry === null) {
    return err({ lineNumber, orderId: orderId === '' ? null : orderId, issues });
  }
  const extra: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) {
    if (v !== undefined && !(ORDER_COLUMNS as readonly string[]).includes(k)) extra[k] = v;
  }
  return ok({
    orderId,
    lineNumber,
    orderDate,
    item,
    quantity,
    unitPriceUsd,
    shipFromCountry: shipFrom,
    shipToCountry: shipTo,
    endUser,
    endUserCountry,
    endUserHqCountry: hq,
    endUse,
    consignee: consigneeText === '' ? null : consigneeText,
    extra,
  });
}
