/**
 * On the real Consolidated Screening List of 2026-07-31 (shared data, skipped when absent):
 * a listed company's name, its pinyin and legal-form variants and its Cyrillic look-alike
 * spelling find the same entry; a clean name returns nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadListEntries } from '../../eval/data/load-lists.ts';
import { buildScreener } from '../../src/core/screening/build-screener.ts';
import type { Screener } from '../../src/core/screening/types.ts';
import { missingShared, sharedPath } from '../support/shared-data.ts';

const parts = ['data', 'lists', 'csl_2026-07-31', 'consolidated.csv'];
const missing = missingShared(...parts);

describe.skipIf(missing !== null)(missing ?? 'the real Consolidated Screening List', () => {
  let screener: Screener;
  beforeAll(async () => {
    screener = buildScreener(await loadListEntries(sharedPath(...parts)));
  });

  const entityListIds = (name: string): Set<string> =>
    new Set(screener.screen({ name }).filter((m) => m.list === 'bis-entity').map((m) => m.sourceId));

  it('finds the Entity List entry for Huawei through its variants', () => {
    const reference = entityListIds('Huawei Technologies Co., Ltd.');
    expect(reference.size).toBeGreaterThan(0);
    for (const variant of ['HUAWEI TECHNOLOGIES COMPANY LIMITED', 'Hua Wei Technologies Co Ltd', '华为技术有限公司', 'НUАWЕI ТЕСНNOLOGIES СО., LTD.', 'Huawei Technologies LLC']) {
      const found = entityListIds(variant);
      expect([...reference].some((id) => found.has(id)), variant).toBe(true);
    }
  });

  it('finds a sanctioned bank written as two words', () => {
    expect(screener.screen({ name: 'Gazprom Bank' }).some((m) => m.list === 'ofac-sdn' && /GAZPROMBANK/i.test(m.name))).toBe(true);
  });

  it('returns nothing for clean names', () => {
    for (const clean of ['Blue Harbor Logistics LLC', 'Nordwind Bäckerei GmbH', 'Sinar Abadi Sdn. Bhd.']) {
      expect(screener.screen({ name: clean }), clean).toEqual([]);
    }
  });
});
