import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../calendar/iso-date.ts';
import { findChip } from '../catalog/catalog.ts';
import type { AcceleratorSpec } from './accelerator-spec.ts';
import { classify } from './classify.ts';
import { headroom } from './headroom.ts';
import { makeSpec } from './spec-fixture.ts';

const D2024 = isoDate('2024-06-01');

function chip(id: string): AcceleratorSpec {
  const spec = findChip(id);
  if (spec === undefined) throw new Error(`catalog lacks ${id}`);
  return spec;
}

describe('headroom', () => {
  it('H20 sits just inside: TPP < 2400 (3A090.b.1) and, at its TPP, PD < 3.2 (3A090.b.2)', () => {
    const h = headroom(chip('nvidia-h20'), D2024);
    expect(h.outside3A090.maxTpp).toEqual({ value: 2400, binding: '3A090.b.1: TPP >= 2400' });
    expect(h.outside3A090.tppHeadroom).toBe(32);
    expect(h.outside3A090.currentlyOutside).toBe(true);
    expect(h.outside3A090.maxPdAtCurrentTpp?.value).toBe(3.2);
    expect(h.outside3A090.maxPdAtCurrentTpp?.binding).toMatch(/3A090.b.2/);
    expect(h.outside3A090.rates.find((r) => r.precision === 'int8')).toMatchObject({ currentDenseTops: 296, maxDenseTops: 300 });
    expect(h.outside3A090.rates.find((r) => r.precision === 'bf16')?.maxDenseTops).toBe(150);
    expect(h.outside3A090a.maxTpp).toEqual({ value: 4800, binding: '3A090.a.1: TPP >= 4800' });
  });

  it('L20 sits just inside the PD line: TPP < 3.2 × 609 = 1948.8 (3A090.b.2)', () => {
    const h = headroom(chip('nvidia-l20'), D2024);
    expect(h.outside3A090.maxTpp.value).toBeCloseTo(1948.8, 6);
    expect(h.outside3A090.maxTpp.binding).toMatch(/^3A090.b.2: PD >= 3.2/);
    expect(h.outside3A090.currentlyOutside).toBe(true);
    expect(h.outside3A090.tppHeadroom).toBeGreaterThan(0);
    expect(h.outside3A090.tppHeadroom).toBeLessThan(40);
  });

  it('RTX 4090 D sits just inside the Note 2 line (TPP < 4800, consumer)', () => {
    const h = headroom(chip('nvidia-rtx-4090d'), D2024);
    expect(h.outside3A090.maxTpp.value).toBe(4800);
    expect(h.outside3A090.maxTpp.binding).toMatch(/Note 2/);
    expect(h.outside3A090.tppHeadroom).toBeCloseTo(92.8, 6);
    expect(h.outside3A090.rates.find((r) => r.precision === 'int8')?.maxDenseTops).toBe(600);
    expect(h.outside3A090.maxPdAtCurrentTpp?.value).toBeNull();
  });

  it('RTX 4090 is over the line by TPP', () => {
    const h = headroom(chip('nvidia-rtx-4090'), D2024);
    expect(h.outside3A090.currentlyOutside).toBe(false);
    expect(h.outside3A090.tppHeadroom).toBeCloseTo(-484.8, 6);
  });

  it('2022: with I/O below 600 GB/s no TPP is controlled (A800), and I/O must stay below 600; with 600 GB/s the line is TPP 4800', () => {
    const a800 = headroom(chip('nvidia-a800-sxm4-80gb'), isoDate('2022-12-01')).outside3A090;
    expect(a800.maxTpp.value).toBeNull();
    expect(a800.maxTpp.binding).toMatch(/I\/O 400 GB\/s does not meet/);
    expect(a800.maxIoAtCurrentTpp).toEqual({ value: 600, binding: '3A090.a: I/O >= 600 GB/s' });
    expect(headroom(chip('nvidia-h20'), D2024).outside3A090.maxIoAtCurrentTpp).toBeNull();
    expect(headroom(chip('nvidia-a100-sxm4-80gb'), isoDate('2022-12-01')).outside3A090.maxTpp.value).toBe(4800);
  });

  it('before 2022-10-07 there is no limit', () => {
    const h = headroom(chip('nvidia-h100-sxm5-80gb'), isoDate('2021-01-01'));
    expect(h.outside3A090.maxTpp.value).toBeNull();
    expect(h.outside3A090.currentlyOutside).toBe(true);
  });

  it('unknown die area: gives the limit that holds for any area and names the missing datum', () => {
    const h = headroom(makeSpec({ id: 'x', int8: 250 }), D2024);
    expect(h.outside3A090.maxTpp.value).toBe(1600);
    expect(h.outside3A090.currentlyOutside).toBeNull();
    expect(h.outside3A090.tppHeadroom).toBeNull();
    expect(h.outside3A090.summary).toMatch(/whatever the die area/);
    expect(h.insufficientData.join(' ')).toMatch(/die_area_mm2/);
    // At TPP 2000, PD < 3.2 keeps it out: a die larger than 625 mm².
    expect(h.outside3A090.maxPdAtCurrentTpp?.value).toBe(3.2);
    expect(h.outside3A090.summary).toMatch(/die larger than 625 mm²/);
  });

  it('the limit is exact: just below it the item is outside 3A090, at it the item is inside (datacenter, any area)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: 400_000 }).map((centi) => centi / 100), (area) => {
        const limit = headroom(makeSpec({ id: 'x', int8: 1, die_area_mm2: area }), D2024).outside3A090.maxTpp.value;
        if (limit === null) return false;
        const at = classify(makeSpec({ id: 'x', int8: limit / 8, die_area_mm2: area }), D2024);
        const below = classify(makeSpec({ id: 'x', int8: (limit - 0.01) / 8, die_area_mm2: area }), D2024);
        return at.status === 'controlled' && below.status === 'not-controlled';
      }),
      { numRuns: 300 },
    );
  });
});
