import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingShared, sharedPath } from '../../../tests/support/shared-data.ts';
import { isoDate } from '../calendar/iso-date.ts';
import { findChip } from '../catalog/catalog.ts';
import { classify } from './classify.ts';
import { makeSpec } from './spec-fixture.ts';

/** Reference worked-example chip names → catalog ids. */
const CATALOG_ID: Record<string, string> = {
  A100: 'nvidia-a100-sxm4-80gb',
  A800: 'nvidia-a800-sxm4-80gb',
  'H100 SXM5': 'nvidia-h100-sxm5-80gb',
  'H100 PCIe': 'nvidia-h100-pcie-80gb',
  'H800 SXM': 'nvidia-h800-sxm5-80gb',
  H20: 'nvidia-h20',
  'H200 SXM': 'nvidia-h200-sxm',
  'RTX 4090': 'nvidia-rtx-4090',
  'RTX 4090D': 'nvidia-rtx-4090d',
  L20: 'nvidia-l20',
  L40S: 'nvidia-l40s',
  L4: 'nvidia-l4',
  MI300X: 'amd-mi300x',
  'Gaudi 3': 'intel-gaudi3-hl325l',
  'Ascend 910B': 'huawei-ascend-910b',
  B200: 'nvidia-b200',
};

interface WorkedExample {
  chip: string;
  tpp?: number;
  tpp_est?: number;
  tpp_range?: [number, number];
  class_2022?: string;
  class_2023?: string;
  r9_band?: boolean;
}

const skip = missingShared('reference', 'rules-summary.json');
const examples: WorkedExample[] = skip === null ? (JSON.parse(readFileSync(sharedPath('reference', 'rules-summary.json'), 'utf8')) as { worked_examples: WorkedExample[] }).worked_examples : [];

describe.skipIf(skip !== null)(`every worked example of the rules reference ${skip ?? ''}`, () => {
  it('maps every example to a catalog chip', () => {
    expect(examples.length).toBeGreaterThan(10);
    for (const e of examples) expect(CATALOG_ID[e.chip], e.chip).toBeDefined();
  });

  for (const e of examples) {
    const id = CATALOG_ID[e.chip] ?? '';
    it(`${e.chip}: TPP within 1 % of the reference, and the 2022, 2023 and 2026-band results`, () => {
      const spec = findChip(id);
      expect(spec, id).toBeDefined();
      if (spec === undefined) return;
      const r2023 = classify(spec, isoDate('2024-06-01'));
      const expected = e.tpp ?? e.tpp_est;
      if (expected !== undefined) expect(Math.abs((r2023.tpp ?? 0) - expected) / expected).toBeLessThan(0.01);
      if (e.tpp_range !== undefined) {
        expect(r2023.tpp).toBeGreaterThanOrEqual(e.tpp_range[0]);
        expect(r2023.tpp).toBeLessThanOrEqual(e.tpp_range[1]);
      }
      if (e.class_2022 !== undefined) {
        const r2022 = classify(spec, isoDate('2022-12-01'));
        expect(r2022.eccn === null ? 'not 3A090' : '3A090').toBe(e.class_2022.startsWith('not') ? 'not 3A090' : '3A090');
      }
      if (e.class_2023 !== undefined) {
        if (e.class_2023.startsWith('not')) expect(r2023.eccn).toBeNull();
        else if (/^3A090\.[ab]\.\d/.test(e.class_2023)) expect(r2023.paragraph).toBe(e.class_2023);
        else expect(r2023.eccn).toBe('3A090.a');
      }
      if (e.r9_band !== undefined) {
        const band = classify(spec, isoDate('2026-06-01')).policy.find((p) => p.id === '2026-case-by-case-band');
        expect(band?.withinBand).toBe(e.r9_band);
      }
    });
  }
});

describe('worked examples outside the catalog', () => {
  it('Ascend 910 (2019): FP16 256 / INT8 512 → TPP 4096 on 456.25 mm² (PD 8.98) would be 3A090.a.2', () => {
    const r = classify(makeSpec({ id: 'huawei-ascend-910', fp16: 256, int8: 512, die_area_mm2: 456.25 }), isoDate('2024-06-01'));
    expect(r).toMatchObject({ tpp: 4096, paragraph: '3A090.a.2' });
    expect(r.performanceDensity).toBeCloseTo(8.98, 2);
  });
});
