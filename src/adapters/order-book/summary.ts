import type { Determination, OrderLine, Outcome } from '../../core/determination/types.ts';
import { OUTCOMES } from '../../core/determination/types.ts';

export interface Bucket {
  lines: number;
  units: number;
  valueUsd: number;
  /** Lines without a unit price, so their value is not in valueUsd. */
  unpriced: number;
}

/** Counts and value by outcome and by destination (the end user's country), accumulated line by line. */
export class BookSummary {
  readonly byOutcome = new Map<Outcome, Bucket>(OUTCOMES.map((o) => [o, emptyBucket()]));
  readonly byDestination = new Map<string, Map<Outcome, Bucket>>();
  lines = 0;
  badLines = 0;

  add(line: OrderLine, d: Determination): void {
    this.lines++;
    addTo(this.byOutcome.get(d.outcome)!, line);
    let dest = this.byDestination.get(line.endUserCountry);
    if (dest === undefined) {
      dest = new Map();
      this.byDestination.set(line.endUserCountry, dest);
    }
    let b = dest.get(d.outcome);
    if (b === undefined) {
      b = emptyBucket();
      dest.set(d.outcome, b);
    }
    addTo(b, line);
  }

  addError(): void {
    this.badLines++;
  }

  count(outcome: Outcome): number {
    return this.byOutcome.get(outcome)?.lines ?? 0;
  }
}

function emptyBucket(): Bucket {
  return { lines: 0, units: 0, valueUsd: 0, unpriced: 0 };
}

function addTo(b: Bucket, line: OrderLine): void {
  b.lines++;
  b.units += line.quantity;
  if (line.unitPriceUsd === null) b.unpriced++;
  else b.valueUsd += line.unitPriceUsd * line.quantity;
}

export function formatUsd(v: number): string {
  return `$${Math.round(v).toLocaleString('en-US')}`;
}
