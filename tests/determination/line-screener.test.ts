import { describe, expect, it } from 'vitest';
import { LineScreener } from '../../src/adapters/order-book/party-screening.ts';
import { determine } from '../../src/core/determination/determine.ts';
import type { Screener, ScreeningMatch, ScreeningQuery } from '../../src/core/screening/types.ts';
import { lineOf, run } from './scenario-support.ts';
import { ClassificationCache } from '../../src/core/determination/classification-context.ts';

/** A screener that knows one listed party, so the test controls exactly which names hit. */
function fakeScreener(listed: string): Screener & { queries: ScreeningQuery[] } {
  const queries: ScreeningQuery[] = [];
  return {
    entryCount: 1,
    queries,
    screen(query: ScreeningQuery): readonly ScreeningMatch[] {
      queries.push(query);
      if (!query.name.toLowerCase().includes(listed.toLowerCase())) return [];
      return [
        {
          list: 'bis-entity',
          sourceId: 'el-1',
          name: listed,
          matchedName: listed,
          score: 0.95,
          explanation: { matchedOn: 'primary', tokens: [], parts: { name: 0.95 }, notes: [] },
          entry: { list: 'bis-entity', sourceId: 'el-1', name: listed, aliases: [], type: 'entity', countries: ['CN'], addresses: [], programs: [], licensePolicy: 'Presumption of denial' },
        },
      ];
    },
  };
}

describe('LineScreener', () => {
  it('screens the end user, the consignee and further party columns, and memoises repeated parties', () => {
    const screener = fakeScreener('Shady Forwarding');
    const ls = new LineScreener(screener, 'test lists');
    const base = lineOf({ fact: 'x', item: 'nvidia-l20', date: '2024-06-01', to: 'DE', hq: 'DE', consignee: 'Berlin Logistics', expect: { outcome: 'hold' } });
    const line = { ...base, extra: { forwarder: 'Shady Forwarding Ltd', sales_rep: 'Jansen' } };
    const parties = ls.screenLine(line);
    expect(parties.map((p) => p.role)).toEqual(['end_user', 'consignee', 'other']);
    ls.screenLine(line);
    expect(screener.queries).toHaveLength(3);
    const cache = new ClassificationCache();
    const ctx = cache.get(line.item, line.orderDate);
    const d = determine(line, { classification: ctx.classification, item: ctx.item, screening: parties });
    expect(d.outcome).toBe('hold');
    expect(d.reasons.map((r) => r.code)).toContain('screening-unreviewed-hit');
    expect(d.warnings.join(' ')).not.toContain('parties not screened');
  });

  it('a clean screening removes the not-screened warning without changing the answer', () => {
    const s = { fact: 'y', item: 'nvidia-l20', date: '2024-06-01', to: 'DE' as const, hq: 'DE' as const, expect: { outcome: 'no-license-required' as const } };
    const ls = new LineScreener(fakeScreener('Nobody Listed'), 'test lists');
    const d = run({ ...s, screening: ls.screenLine(lineOf(s)) });
    expect(d.outcome).toBe('no-license-required');
    expect(d.warnings.join(' ')).not.toContain('parties not screened');
  });
});
