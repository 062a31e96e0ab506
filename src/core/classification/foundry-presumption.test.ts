import { describe, expect, it } from 'vitest';
import { isoDate } from '../calendar/iso-date.ts';
import { findChip } from '../catalog/catalog.ts';
import type { AcceleratorSpec } from './accelerator-spec.ts';
import { classify } from './classify.ts';
import { makeSpec } from './spec-fixture.ts';

const D2025 = isoDate('2025-06-01');

function chip(id: string): AcceleratorSpec {
  const spec = findChip(id);
  if (spec === undefined) throw new Error(`catalog lacks ${id}`);
  return spec;
}

const fab = { exporterRole: 'front-end-fabricator' } as const;

describe('Note 1 to 3A090.a: front-end fabricator / OSAT presumption', () => {
  it('a fabricator shipping the H20 die presumes 3A090.a and datacenter (80 billion transistors, no rebuttal)', () => {
    const r = classify(chip('nvidia-h20'), D2025, fab);
    expect(r).toMatchObject({ eccn: '3A090.a', paragraph: '3A090.a', controlLevel: 'a', datacenter: true, licenseExceptionsEligible: [] });
    expect(r.tests[0]).toMatchObject({ id: 'note-1-foundry-presumption', passed: true });
    expect(r.tests[0]?.citation.federalRegister).toBe('90 FR 5298');
    expect(r.summary).toMatch(/presumed under Note 1/);
  });

  it('other exporters, and dates before 2025-01-16, are unaffected', () => {
    expect(classify(chip('nvidia-h20'), D2025).eccn).toBeNull();
    const before = classify(chip('nvidia-h20'), isoDate('2025-01-15'), fab);
    expect(before.eccn).toBeNull();
    expect(before.laterChanges[0]).toMatchObject({ effective: '2025-01-16', eccn: '3A090.a' });
  });

  it('an approved designer attestation rebuts it: the parameters decide again', () => {
    const r = classify(chip('nvidia-h20'), D2025, { ...fab, designerAttestation: true });
    expect(r.eccn).toBeNull();
    expect(r.tests[0]).toMatchObject({ passed: false });
  });

  it('a consumer part loses Note 2 and NAC/ACA under the presumption (RTX 4090 D)', () => {
    const r = classify(chip('nvidia-rtx-4090d'), D2025, { exporterRole: 'osat' });
    expect(r).toMatchObject({ eccn: '3A090.a', datacenter: true, licenseExceptionsEligible: [] });
  });

  it('decides even where the die area is unknown (MI210): nothing is reported missing', () => {
    const r = classify(chip('amd-mi210'), D2025, fab);
    expect(r).toMatchObject({ status: 'controlled', eccn: '3A090.a', insufficientData: [] });
  });

  it('transistor-count attestation: below 30 billion rebuts; 35 (no HBM) in 2027; 40 (no HBM) from 2029; HBM keeps 30', () => {
    const ic = (billion: number, memory: string | null) =>
      makeSpec({ id: 'ic', int8: 250, die_area_mm2: 1000, process_node: 'TSMC N5', transistors_b: billion, memory_type: memory });
    const attested = { ...fab, transistorCountAttestation: true };
    expect(classify(ic(29.9, 'HBM3'), D2025, attested).eccn).toBeNull();
    expect(classify(ic(30, 'GDDR6'), D2025, attested).eccn).toBe('3A090.a');
    expect(classify(ic(34, 'GDDR6'), isoDate('2027-03-01'), attested).eccn).toBeNull();
    expect(classify(ic(34, 'HBM3'), isoDate('2027-03-01'), attested).eccn).toBe('3A090.a');
    expect(classify(ic(34, 'GDDR6'), isoDate('2028-03-01'), attested).eccn).toBe('3A090.a');
    expect(classify(ic(39, 'GDDR6'), isoDate('2029-03-01'), attested).eccn).toBeNull();
    // Without the attestation a low count does not help.
    expect(classify(ic(10, 'GDDR6'), D2025, fab).eccn).toBe('3A090.a');
  });

  it('an IC above 16 nm is not an applicable advanced logic IC', () => {
    const r = classify(makeSpec({ id: 'old', int8: 250, die_area_mm2: 1000, process_node: '28 nm planar' }), D2025, fab);
    expect(r.eccn).toBeNull();
    expect(r.tests[0]?.margin).toMatch(/above 16 nm/);
  });
});
