import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDateOf } from '../calendar/iso-date.ts';
import { CATALOG } from '../catalog/catalog.ts';
import type { CountryCode } from '../countries/country.ts';
import { ClassificationCache } from './classification-context.ts';
import { determine } from './determine.ts';
import { END_USES, type OrderLine } from './types.ts';

const COUNTRIES: readonly CountryCode[] = ['US', 'CN', 'HK', 'MO', 'DE', 'IL', 'CY', 'AE', 'SA', 'VN', 'KZ', 'MY', 'TH', 'SG', 'IN', 'RU', 'IR', 'KH', 'NI', 'TW', 'JP', 'BR'];
const cache = new ClassificationCache();

describe('determine: invariants over random lines', () => {
  it('never throws; outcome, licence flag, exceptions and policy agree', () => {
    const country = fc.constantFrom(...COUNTRIES);
    fc.assert(
      fc.property(
        fc.constantFrom(...CATALOG.map((c) => c.id), 'not-a-chip'),
        fc.integer({ min: Date.UTC(2022, 0, 1), max: Date.UTC(2026, 10, 27) }),
        country,
        country,
        fc.option(country, { nil: null }),
        country,
        fc.option(fc.constantFrom(...END_USES), { nil: null }),
        fc.integer({ min: 1, max: 5000 }),
        fc.constantFrom('enforced' as const, 'codified' as const),
        (item, ms, to, endUserCountry, hq, from, endUse, quantity, regime) => {
          const orderDate = isoDateOf(new Date(ms));
          const line: OrderLine = { orderId: 'P', lineNumber: 2, orderDate, item, quantity, unitPriceUsd: null, shipFromCountry: from, shipToCountry: to, endUser: 'Party', endUserCountry, endUserHqCountry: hq, endUse, consignee: null, extra: {} };
          const ctx = cache.get(item, orderDate);
          const d = determine(line, { classification: ctx.classification, item: ctx.item, regime });
          if (d.outcome === 'no-license-required') expect(d.licenseRequired).toBe(false);
          if (d.outcome === 'license-exception') expect(d.licenseRequired && d.exceptions.length > 0).toBe(true);
          if (d.outcome === 'license-required') expect(d.exceptions).toEqual([]);
          expect(d.reviewPolicy === null).toBe(!d.licenseRequired);
          expect(d.warnings.some((w) => w.startsWith('parties not screened'))).toBe(true);
          for (const r of d.reasons) expect(r.code.length > 0 && r.citation.length > 0 && r.message.length > 0).toBe(true);
        },
      ),
      { numRuns: 3000, seed: 20261127 },
    );
  });
});
