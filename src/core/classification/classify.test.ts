import { describe, expect, it } from 'vitest';
import { isoDate } from '../calendar/iso-date.ts';
import { findChip } from '../catalog/catalog.ts';
import type { AcceleratorSpec } from './accelerator-spec.ts';
import { classify } from './classify.ts';
import { makeSpec } from './spec-fixture.ts';

const D2021 = isoDate('2021-06-01');
const D2022 = isoDate('2022-12-01');
const D2023 = isoDate('2023-12-01');
const D2024 = isoDate('2024-06-01');
const D2025 = isoDate('2025-06-01');
const D2026 = isoDate('2026-06-01');

function chip(id: string): AcceleratorSpec {
  const spec = findChip(id);
  if (spec === undefined) throw new Error(`catalog lacks ${id}`);
  return spec;
}

const testById = (r: ReturnType<typeof classify>, id: string) => r.tests.find((t) => t.id === id);

describe('worked examples (reference rules §7), 2022 and 2023 regimes', () => {
  it('H20: not 3A090 in 2024, with both binding margins', () => {
    const r = classify(chip('nvidia-h20'), D2024);
    expect(r.tpp).toBe(2368);
    expect(r.performanceDensity).toBeCloseTo(2.91, 2);
    expect(r.eccn).toBeNull();
    expect(r.paragraph).toBeNull();
    expect(r.status).toBe('not-controlled');
    expect(testById(r, '3a090.b.1')?.margin).toBe('TPP 2368 is 32 below 2400 (1.3 %)');
    expect(testById(r, '3a090.b.2')?.margin).toBe('PD 2.91 is 0.29 below 3.2 (9.1 %)');
    expect(r.bindingMargins).toEqual(['3A090.b.1: TPP 2368 is 32 below 2400 (1.3 %)', '3A090.b.2: PD 2.91 is 0.29 below 3.2 (9.1 %)']);
    expect(r.summary).toContain('TPP 2368 is 32 below 2400');
    expect(r.summary).toContain('PD 2.91 is 0.29 below 3.2');
    expect(r.insufficientData).toEqual([]);
  });

  it('H20 under the 2022 rule: not 3A090 (TPP below 4800 although I/O is 900 GB/s)', () => {
    const r = classify(chip('nvidia-h20'), D2022);
    expect(r.eccn).toBeNull();
    expect(testById(r, '3a090.a')?.margin).toBe('TPP 2368 is 2432 below 4800 (50.7 %)');
  });

  it('A800: not controlled on 2022-12-01 because of I/O (400 < 600), 3A090.a.1 on 2023-12-01', () => {
    const before = classify(chip('nvidia-a800-sxm4-80gb'), D2022);
    expect(before.eccn).toBeNull();
    expect(before.status).toBe('not-controlled');
    expect(before.ruleVersion?.citation.federalRegister).toBe('87 FR 62186');
    expect(testById(before, '3a090.a')?.margin).toBe('I/O 400 GB/s is 200 GB/s below 600 GB/s (33.3 %)');
    expect(before.laterChanges[0]).toMatchObject({ effective: '2023-11-17', paragraph: '3A090.a.1' });

    const after = classify(chip('nvidia-a800-sxm4-80gb'), D2023);
    expect(after.eccn).toBe('3A090.a');
    expect(after.paragraph).toBe('3A090.a.1');
    expect(after.controlLevel).toBe('a');
    expect(after.licenseExceptionsEligible).toEqual([]);
    expect(after.ruleVersion?.citation.federalRegister).toBe('88 FR 73458');
  });

  it('A100: 3A090.a in 2022 (NVLink 600), 3A090.a.1 from 2023 (TPP 4992 on every path)', () => {
    const spec = chip('nvidia-a100-sxm4-80gb');
    expect(classify(spec, D2022)).toMatchObject({ eccn: '3A090.a', controlLevel: 'legacy-2022', tpp: 4992 });
    const r = classify(spec, D2023);
    expect(r.paragraph).toBe('3A090.a.1');
    expect(testById(r, '3a090.a.2')?.passed).toBe(true); // also meets a.2 (PD 6.04)
  });

  it('H100 SXM5 and PCIe: controlled in both regimes', () => {
    for (const id of ['nvidia-h100-sxm5-80gb', 'nvidia-h100-pcie-80gb']) {
      expect(classify(chip(id), D2022).eccn).toBe('3A090.a');
      expect(classify(chip(id), D2024).paragraph).toBe('3A090.a.1');
    }
    expect(classify(chip('nvidia-h100-sxm5-80gb'), D2024).tpp).toBe(15831.2);
  });

  it('H800: not controlled in 2022 (NVLink 400), 3A090.a.1 from 2023-11-17', () => {
    expect(classify(chip('nvidia-h800-sxm5-80gb'), D2022).eccn).toBeNull();
    expect(classify(chip('nvidia-h800-sxm5-80gb'), D2023).paragraph).toBe('3A090.a.1');
  });

  it('RTX 4090: not controlled in 2022 (PCIe only), 3A090.a non-datacenter with NAC, then NAC and ACA', () => {
    const spec = chip('nvidia-rtx-4090');
    const r2022 = classify(spec, D2022);
    expect(r2022.eccn).toBeNull();
    expect(testById(r2022, '3a090.a')?.inputs['io_basis']).toMatch(/host link only/);
    const r2023 = classify(spec, D2023);
    expect(r2023).toMatchObject({ eccn: '3A090.a', paragraph: '3A090.a.1', datacenter: false });
    expect(r2023.licenseExceptionsEligible).toEqual(['NAC']);
    expect(classify(spec, D2024).licenseExceptionsEligible).toEqual(['NAC', 'ACA']);
  });

  it('RTX 4090 D: not 3A090 under Note 2 (consumer, estimated TPP ≈ 4707 < 4800), flagged as an estimate', () => {
    const r = classify(chip('nvidia-rtx-4090d'), D2024);
    expect(r.tpp).toBeCloseTo(4707.2, 6);
    expect(r.eccn).toBeNull();
    expect(testById(r, 'note-2-non-datacenter')).toMatchObject({ passed: true, margin: 'TPP 4707.2 is 92.8 below 4800 (1.9 %)' });
    expect(r.uncertainties.some((u) => u.startsWith('int8: estimate'))).toBe(true);
  });

  it('L20: not 3A090 (PD 3.14 just below 3.2, TPP below 2400)', () => {
    const r = classify(chip('nvidia-l20'), D2024);
    expect(r.eccn).toBeNull();
    expect(r.performanceDensity).toBeCloseTo(3.14, 2);
    expect(testById(r, '3a090.b.2')?.margin).toMatch(/^PD 3.14 is 0.06 below 3.2/);
  });

  it('L2: not 3A090 (TPP ≈ 1544 < 1600) even though its die area is unknown', () => {
    const r = classify(chip('nvidia-l2'), D2024);
    // TF32 48.3 × 32 = 1545.6 edges past FP8 193 × 8 = 1544 (rounded datasheet figures).
    expect(r).toMatchObject({ eccn: null, status: 'not-controlled', tpp: 1545.6 });
    expect(r.insufficientData).toEqual([]);
  });

  it('L40S: not controlled in 2022 (no NVLink), 3A090.a.1 from 2023', () => {
    expect(classify(chip('nvidia-l40s'), D2022).eccn).toBeNull();
    expect(classify(chip('nvidia-l40s'), D2023)).toMatchObject({ paragraph: '3A090.a.1', tpp: 5864 });
  });

  it('L4: 3A090.a.2 through the PD limb (TPP 1940, PD 6.6)', () => {
    const r = classify(chip('nvidia-l4'), D2024);
    expect(r).toMatchObject({ eccn: '3A090.a', paragraph: '3A090.a.2', tpp: 1940 });
    expect(r.performanceDensity).toBeCloseTo(6.6, 1);
  });

  it('MI300X: 3A090.a.1 without a die area (TPP ≥ 4800 decides); 2022 controlled (896 GB/s)', () => {
    const r = classify(chip('amd-mi300x'), D2024);
    expect(r).toMatchObject({ paragraph: '3A090.a.1', performanceDensity: null });
    expect(r.insufficientData).toEqual([]);
    expect(classify(chip('amd-mi300x'), D2022).eccn).toBe('3A090.a');
  });

  it('Ascend 910B: meets 3A090.a (FP16 376 → TPP 6016); not 2022 (HCCS 392 GB/s)', () => {
    expect(classify(chip('huawei-ascend-910b'), D2024).paragraph).toBe('3A090.a.1');
    expect(classify(chip('huawei-ascend-910b'), D2022).eccn).toBeNull();
  });

  it('2026 policy band: H200 and MI300X inside, B200 and Gaudi 3 outside; absent before 2026-01-15', () => {
    const band = (id: string) => classify(chip(id), D2026).policy.find((p) => p.id === '2026-case-by-case-band')?.applies;
    expect(band('nvidia-h200-sxm')).toBe(true);
    expect(band('amd-mi300x')).toBe(true);
    expect(band('nvidia-b200')).toBe(false);
    expect(band('intel-gaudi3-hl325l')).toBe(false);
    expect(classify(chip('nvidia-h200-sxm'), D2025).policy).toEqual([]);
    // H20: figures inside the band, but not a 3A090 item, so the band does not apply to it.
    expect(classify(chip('nvidia-h20'), D2026).policy[0]).toMatchObject({ applies: false, withinBand: true });
    // The band is a policy attribute, not a reclassification.
    expect(classify(chip('nvidia-h200-sxm'), D2026).paragraph).toBe('3A090.a.1');
  });

  it('nothing is 3A090 before 2022-10-07', () => {
    const r = classify(chip('nvidia-h100-sxm5-80gb'), D2021);
    expect(r).toMatchObject({ eccn: null, paragraph: null, ruleVersion: null, status: 'not-controlled' });
    expect(r.laterChanges.map((c) => c.effective)).toEqual(['2022-10-07', '2023-11-17', '2026-01-15']);
  });
});

describe('boundaries: exactly at and one unit below each threshold', () => {
  const dc = (int8: number, area: number | null, extra: Partial<AcceleratorSpec> = {}) => makeSpec({ id: 'synthetic', int8, die_area_mm2: area, ...extra });

  it('3A090.a.1 at TPP 4800, not at 4799', () => {
    expect(classify(dc(600, 5000), D2024).paragraph).toBe('3A090.a.1');
    expect(classify(dc(4799 / 8, 5000), D2024).eccn).toBeNull();
  });

  it('3A090.a.2 at PD 5.92 (TPP 2960 on 500 mm²); PD 5.91 falls to 3A090.b', () => {
    expect(classify(dc(370, 500), D2024).paragraph).toBe('3A090.a.2');
    expect(classify(dc(2955 / 8, 500), D2024).paragraph).toBe('3A090.b.1');
  });

  it('3A090.a.2 at TPP 1600 with high PD, not at TPP 1599', () => {
    expect(classify(dc(200, 200), D2024).paragraph).toBe('3A090.a.2');
    expect(classify(dc(1599 / 8, 200), D2024).eccn).toBeNull();
  });

  it('3A090.b.1 at TPP 2400 and PD 1.6, not at TPP 2399 or PD 1.59', () => {
    expect(classify(dc(300, 1500), D2024).paragraph).toBe('3A090.b.1');
    expect(classify(dc(2399 / 8, 1500), D2024).eccn).toBeNull();
    expect(classify(dc(300, 2400 / 1.59), D2024).eccn).toBeNull();
  });

  it('3A090.b.2 at TPP 1600 and PD 3.2, not at PD 3.19', () => {
    const r = classify(dc(200, 500), D2024);
    expect(r).toMatchObject({ eccn: '3A090.b', paragraph: '3A090.b.2', controlLevel: 'b' });
    expect(r.licenseExceptionsEligible).toEqual(['NAC', 'ACA']);
    expect(classify(dc(200, 1600 / 3.19), D2024).eccn).toBeNull();
  });

  it('Note 2: a consumer part at TPP 4800 is 3A090.a with NAC/ACA; at 4799 it is outside 3A090', () => {
    const consumer = (int8: number) => dc(int8, 100, { market: 'consumer' });
    expect(classify(consumer(600), D2024)).toMatchObject({ paragraph: '3A090.a.1', licenseExceptionsEligible: ['NAC', 'ACA'] });
    expect(classify(consumer(4799 / 8), D2024).eccn).toBeNull();
    // Datacenter 3A090.a is never NAC/ACA-eligible.
    expect(classify(dc(600, 100), D2024).licenseExceptionsEligible).toEqual([]);
  });

  it('2022: TPP 4800 and I/O 600 → 3A090.a; I/O 599 or TPP 4799 → not', () => {
    expect(classify(dc(600, null, { interconnect_bw_gbs: 600 }), D2022).eccn).toBe('3A090.a');
    expect(classify(dc(600, null, { interconnect_bw_gbs: 599 }), D2022).eccn).toBeNull();
    expect(classify(dc(4799 / 8, null, { interconnect_bw_gbs: 600 }), D2022).eccn).toBeNull();
  });

  it('rule dates: 2022-10-06 nothing, 2022-10-07 the 2022 rule, 2023-11-16 still 2022, 2023-11-17 the bands', () => {
    const a800 = chip('nvidia-a800-sxm4-80gb');
    const a100 = chip('nvidia-a100-sxm4-80gb');
    expect(classify(a100, isoDate('2022-10-06')).eccn).toBeNull();
    expect(classify(a100, isoDate('2022-10-07')).eccn).toBe('3A090.a');
    expect(classify(a800, isoDate('2023-11-16')).eccn).toBeNull();
    expect(classify(a800, isoDate('2023-11-17')).paragraph).toBe('3A090.a.1');
    expect(classify(chip('nvidia-rtx-4090'), isoDate('2024-04-03')).licenseExceptionsEligible).toEqual(['NAC']);
    expect(classify(chip('nvidia-rtx-4090'), isoDate('2024-04-04')).licenseExceptionsEligible).toEqual(['NAC', 'ACA']);
  });

  it('2026 band: TPP 20999 inside, 21000 outside; DRAM 6499 inside, 6500 outside', () => {
    const band = (int8: number, dram: number) => classify(dc(int8, null, { memory_bw_gbs: dram }), D2026).policy[0]?.applies;
    expect(band(20999 / 8, 6499)).toBe(true);
    expect(band(21000 / 8, 6499)).toBe(false);
    expect(band(20999 / 8, 6500)).toBe(false);
  });
});

describe('3A090.c standalone HBM', () => {
  const hbm = (bw: number, area: number) => makeSpec({ id: 'hbm-stack', standalone_memory: true, memory_bw_gbs: bw, package_area_mm2: area });

  it('is 3A090.c above 2 GB/s/mm² from 2024-12-02; exactly 2 is not', () => {
    expect(classify(hbm(201, 100), isoDate('2024-12-02'))).toMatchObject({ eccn: '3A090.c', controlLevel: 'c' });
    expect(classify(hbm(200, 100), isoDate('2024-12-02')).eccn).toBeNull();
    expect(classify(hbm(1200, 100), isoDate('2024-12-01')).eccn).toBeNull();
  });

  it('License Exception HBM below 3.3 GB/s/mm² only', () => {
    expect(classify(hbm(329, 100), D2025).licenseExceptionsEligible).toEqual(['HBM']);
    expect(classify(hbm(330, 100), D2025).licenseExceptionsEligible).toEqual([]);
  });

  it('never makes an item .z or 4A090 (Note 4)', () => {
    expect(classify(hbm(1200, 100), D2025, { hostEccn: '5A992' }).eccn).toBe('3A090.c');
    expect(classify(hbm(1200, 100), D2025, { isSystem: true }).eccn).toBeNull();
  });

  it('names the missing package area', () => {
    const r = classify(makeSpec({ id: 'hbm', standalone_memory: true, memory_bw_gbs: 1200 }), D2025);
    expect(r.status).toBe('undetermined');
    expect(r.insufficientData[0]).toMatch(/package_area_mm2/);
  });
});

describe('4A090 systems and .z paragraphs', () => {
  it('a system containing a 3A090.a IC is 4A090.a; a .b IC gives 4A090.b', () => {
    expect(classify(chip('nvidia-h100-sxm5-80gb'), D2024, { isSystem: true })).toMatchObject({ eccn: '4A090.a', paragraph: '4A090.a', controlLevel: 'a' });
    expect(classify(makeSpec({ id: 'b', int8: 200, die_area_mm2: 500 }), D2024, { isSystem: true }).eccn).toBe('4A090.b');
  });

  it('a GPU otherwise 5A992 that meets 3A090.a is 5A992.z (z.1), keeping control level a', () => {
    const r = classify(chip('nvidia-rtx-4090'), D2024, { hostEccn: '5A992' });
    expect(r).toMatchObject({ eccn: '5A992.z', paragraph: '5A992.z.1', controlLevel: 'a', licenseExceptionsEligible: ['NAC', 'ACA'] });
  });

  it('a 4A003 computer at level b is 4A003.z; a non-host ECCN changes nothing', () => {
    expect(classify(makeSpec({ id: 'b', int8: 200, die_area_mm2: 500 }), D2024, { hostEccn: '4A003', isSystem: true }).eccn).toBe('4A003.z');
    expect(classify(chip('nvidia-h100-sxm5-80gb'), D2024, { hostEccn: '3A991' }).eccn).toBe('3A090.a');
  });

  it('an item excluded by Note 2 makes nothing .z or 4A090', () => {
    expect(classify(chip('nvidia-rtx-4090d'), D2024, { hostEccn: '5A992', isSystem: true }).eccn).toBeNull();
  });
});

describe('AT-only 3A991.p / 4A994.l beside the advanced-computing result', () => {
  it('H20 is outside 3A090 but 3A991.p from 2023-11-17 (8 TOPS or more); a board with it is 4A994.l', () => {
    const r = classify(chip('nvidia-h20'), D2024);
    expect(r).toMatchObject({ eccn: null, atOnlyEccn: '3A991.p' });
    expect(r.summary).toMatch(/AT-only entry: 3A991.p/);
    expect(classify(chip('nvidia-h20'), D2024, { isSystem: true }).atOnlyEccn).toBe('4A994.l');
    expect(classify(chip('nvidia-h20'), D2022).atOnlyEccn).toBeNull();
  });

  it('another applicable ECCN (the host) takes precedence; below 8 TOPS and 150 GB/s nothing applies', () => {
    expect(classify(chip('nvidia-rtx-4090d'), D2024, { hostEccn: '5A992' }).atOnlyEccn).toBeNull();
    expect(classify(makeSpec({ id: 'tiny', int8: 7.99, die_area_mm2: 10 }), D2024).atOnlyEccn).toBeNull();
    expect(classify(makeSpec({ id: 'tiny-io', int8: 7.99, die_area_mm2: 10, interconnect_bw_gbs: 150 }), D2024).atOnlyEccn).toBe('3A991.p');
  });

  it('a controlled item has no AT-only entry', () => {
    expect(classify(chip('nvidia-h100-sxm5-80gb'), D2024).atOnlyEccn).toBeNull();
  });
});

describe('missing data', () => {
  it('die area missing where PD decides: undetermined, "die area needed", no guess', () => {
    const r = classify(makeSpec({ id: 'x', int8: 375 }), D2024);
    expect(r.status).toBe('undetermined');
    expect(r.eccn).toBeNull();
    expect(r.paragraph).toBeNull();
    expect(r.insufficientData).toEqual(['die_area_mm2: die area needed to compute performance density']);
    expect(r.possibleParagraphs).toEqual(['3A090.a.2', '3A090.b.1', '3A090.b.2']);
    expect(r.summary).toMatch(/die_area_mm2 needed/);
  });

  it('die area missing but TPP ≥ 4800: the answer is given', () => {
    const r = classify(makeSpec({ id: 'x', int8: 700 }), D2024);
    expect(r).toMatchObject({ paragraph: '3A090.a.1', insufficientData: [] });
  });

  it('no dense rate at all: names the rates (not the die area, which the RTX 6000D row has)', () => {
    const r = classify(chip('nvidia-rtx-6000d'), D2024);
    expect(r.status).toBe('undetermined');
    expect(r.insufficientData).toHaveLength(1);
    expect(r.insufficientData[0]).toMatch(/^dense rates/);
  });

  it('2022: a listed link without a rate is missing data, not zero', () => {
    const r = classify(chip('nvidia-h100-nvl'), D2022);
    expect(r.status).toBe('undetermined');
    expect(r.insufficientData[0]).toMatch(/interconnect_bw_gbs/);
  });
});
