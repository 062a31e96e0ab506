import type { Condition, Quantity } from './rule-model.ts';

export const QUANTITY_LABEL: Readonly<Record<Quantity, string>> = {
  tpp: 'TPP',
  pd: 'PD',
  io: 'I/O',
  mbd: 'memory bandwidth density',
  dram: 'DRAM bandwidth',
  tops: 'TOPS',
};

const UNIT: Readonly<Record<Quantity, string>> = { tpp: '', pd: '', io: ' GB/s', mbd: ' GB/s/mm²', dram: ' GB/s', tops: '' };
const DECIMALS: Readonly<Record<Quantity, number>> = { tpp: 1, pd: 2, io: 0, mbd: 2, dram: 0, tops: 2 };

/** A value as an officer would write it: TPP 2368, PD 2.91, I/O 400 GB/s. */
export function formatQuantity(quantity: Quantity, value: number): string {
  return `${formatNumber(value, DECIMALS[quantity])}${UNIT[quantity]}`;
}

export function formatNumber(value: number, decimals: number): string {
  return String(Number(value.toFixed(decimals)));
}

export type ConditionOutcome = { readonly condition: Condition; readonly value: number | null; readonly met: boolean | null };

export function evaluateCondition(condition: Condition, value: number | null): ConditionOutcome {
  if (value === null) return { condition, value, met: null };
  const met = condition.op === '>=' ? value >= condition.value : condition.op === '>' ? value > condition.value : value < condition.value;
  return { condition, value, met };
}

/** Relative distance to the threshold, used to pick the tightest condition. */
export function relativeMargin(outcome: ConditionOutcome): number {
  if (outcome.value === null) return Number.POSITIVE_INFINITY;
  return Math.abs(outcome.value - outcome.condition.value) / Math.abs(outcome.condition.value || 1);
}

/** e.g. "TPP 2368 is 32 below 2400 (1.3 %)". */
export function describeMargin(outcome: ConditionOutcome): string {
  const { quantity, value: threshold } = outcome.condition;
  const label = QUANTITY_LABEL[quantity];
  if (outcome.value === null) return `${label} unknown`;
  const value = outcome.value;
  const shown = formatQuantity(quantity, value);
  const limit = formatQuantity(quantity, threshold);
  const diff = value - threshold;
  if (diff === 0) return `${label} ${shown} is exactly at ${limit}`;
  const pct = ((Math.abs(diff) / Math.abs(threshold)) * 100).toFixed(1);
  const gap = formatQuantity(quantity, Math.abs(diff));
  return `${label} ${shown} is ${gap} ${diff < 0 ? 'below' : 'above'} ${limit} (${pct} %)`;
}

export function describeThreshold(conditions: readonly Condition[]): string {
  return conditions.map((c) => `${QUANTITY_LABEL[c.quantity]} ${c.op} ${formatQuantity(c.quantity, c.value)}`).join(' AND ');
}

export interface ConjunctionOutcome {
  readonly met: boolean | null;
  readonly outcomes: readonly ConditionOutcome[];
  /** Failing conditions' margins when not met; the tightest margin when met; missing data otherwise. */
  readonly margin: string | null;
  /** The conditions that decide the outcome (failing ones, or the tightest passing one). */
  readonly binding: readonly ConditionOutcome[];
}

export function evaluateConjunction(conditions: readonly Condition[], values: Readonly<Record<Quantity, number | null>>): ConjunctionOutcome {
  const outcomes = conditions.map((c) => evaluateCondition(c, values[c.quantity]));
  const failing = outcomes.filter((o) => o.met === false);
  if (failing.length > 0) return { met: false, outcomes, margin: failing.map(describeMargin).join('; '), binding: failing };
  const unknown = outcomes.filter((o) => o.met === null);
  if (unknown.length > 0) {
    const missing = [...new Set(unknown.map((o) => QUANTITY_LABEL[o.condition.quantity]))].join(', ');
    return { met: null, outcomes, margin: `cannot be evaluated: ${missing} unknown`, binding: unknown };
  }
  if (outcomes.length === 0) return { met: true, outcomes, margin: null, binding: [] };
  const tightest = outcomes.reduce((a, b) => (relativeMargin(b) < relativeMargin(a) ? b : a));
  return { met: true, outcomes, margin: describeMargin(tightest), binding: [tightest] };
}
