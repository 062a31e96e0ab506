import { determine, type DeterminationContext } from './determine.ts';
import type { Determination, OrderLine } from './types.ts';

/**
 * Order books repeat the same customer, item, route and date thousands of times. A determination depends
 * only on the line's decision facts (everything except order id and line number; quantity only under the
 * codified regime, through the LPP allowance), so identical facts reuse one answer with the id swapped in.
 * Lines with screening hits are never memoised. Bounded (10,000 answers, about 30 MB): cleared when full.
 */
export class DeterminationMemo {
  private readonly entries = new Map<string, Determination>();
  hits = 0;
  constructor(private readonly maxEntries = 10_000) {}

  decide(line: OrderLine, context: DeterminationContext): Determination {
    const screening = context.screening ?? null;
    if (screening !== null && screening.some((p) => p.hits.length > 0)) return determine(line, context);
    const c = context.classification;
    const key = `${line.item}|${context.asOf ?? line.orderDate}|${line.shipFromCountry}|${line.shipToCountry}|${line.endUserCountry}|${line.endUserHqCountry ?? ''}|${line.endUse ?? ''}|${context.regime ?? 'enforced'}|${context.regime === 'codified' ? line.quantity : ''}|${screening === null ? 'u' : 's'}|${c === null ? '-' : c.asOf}|${line.consignee ?? ''}\u0000${line.endUser}`;
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.hits++;
      return { ...hit, orderId: line.orderId, lineNumber: line.lineNumber };
    }
    const d = determine(line, context);
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, d);
    return d;
  }
}
