import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate, type IsoDate } from '../calendar/iso-date.ts';
import { CATALOG } from '../catalog/catalog.ts';
import { classify } from './classify.ts';
import { makeSpec } from './spec-fixture.ts';
import { PRECISIONS, type Precision } from './types.ts';

const RANK = { null: 0, 'legacy-2022': 1, c: 1, b: 1, a: 2 } as const;
const rank = (level: keyof typeof RANK | null) => RANK[level ?? 'null'];

const dayMs = 86_400_000;
const dateArb = (from: string, to: string) =>
  fc.integer({ min: Date.parse(from) / dayMs, max: Date.parse(to) / dayMs }).map((d) => isoDate(new Date(d * dayMs).toISOString().slice(0, 10)));

const rateArb = fc.double({ min: 0, max: 20_000, noNaN: true, noDefaultInfinity: true });
const ratesArb = fc.record(Object.fromEntries(PRECISIONS.map((p) => [p, fc.option(rateArb, { nil: null })])) as Record<Precision, fc.Arbitrary<number | null>>);

describe('classification properties', () => {
  it('raising any dense rate never lowers the control level (area, market and I/O fixed)', () => {
    fc.assert(
      fc.property(
        ratesArb,
        fc.constantFrom(...PRECISIONS),
        fc.double({ min: 0, max: 5_000, noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: 50, max: 3_000, noNaN: true }),
        fc.constantFrom('datacenter' as const, 'consumer' as const, 'workstation' as const),
        fc.integer({ min: 0, max: 1_200 }),
        dateArb('2022-10-07', '2027-12-31'),
        (rates, precision, raise, area, market, io, asOf: IsoDate) => {
          const base = makeSpec({ id: 'p', ...rates, die_area_mm2: area, market, interconnect_bw_gbs: io });
          const raised = makeSpec({ ...base, [precision]: (rates[precision] ?? 0) + raise });
          const before = classify(base, asOf);
          const after = classify(raised, asOf);
          if (before.tpp === null) return true; // no rate before the raise: nothing to compare
          // With the die area and I/O known, a TPP always decides the outcome.
          expect(before.status).not.toBe('undetermined');
          expect(after.status).not.toBe('undetermined');
          return rank(after.controlLevel) >= rank(before.controlLevel);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('any date before 2022-10-07 gives no 3A090, whatever the chip', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CATALOG), dateArb('2000-01-01', '2022-10-06'), (spec, asOf) => {
        const r = classify(spec, asOf);
        return r.eccn === null && r.paragraph === null && r.controlLevel === null && r.ruleVersion === null;
      }),
      { numRuns: 300 },
    );
  });

  it('every catalog chip classifies on every date or names the missing datum', () => {
    const dates = Array.from({ length: 50 }, (_, i) => isoDate(new Date(Date.parse('2022-06-01') + i * 30 * dayMs).toISOString().slice(0, 10)));
    for (const spec of CATALOG) {
      for (const asOf of dates) {
        const r = classify(spec, asOf);
        if (r.status === 'undetermined') {
          expect(r.insufficientData.length, `${spec.id} ${asOf}`).toBeGreaterThan(0);
          expect(r.eccn).toBeNull();
        } else {
          expect(r.insufficientData, `${spec.id} ${asOf}`).toEqual([]);
          expect(r.status === 'controlled').toBe(r.eccn !== null);
        }
        expect(r.tests.length).toBeGreaterThan(0);
        for (const t of r.tests) expect(t.citation.federalRegister).toMatch(/^\d+ FR \d+$/);
      }
    }
  });

  it('is pure: the same input on the same date gives the same result', () => {
    const spec = CATALOG[0];
    if (spec === undefined) throw new Error('empty catalog');
    expect(classify(spec, isoDate('2024-06-01'))).toEqual(classify(spec, isoDate('2024-06-01')));
  });
});
