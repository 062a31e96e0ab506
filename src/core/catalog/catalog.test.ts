import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { missingShared, sharedPath } from '../../../tests/support/shared-data.ts';
import { CATALOG, findChip } from './catalog.ts';

const skip = missingShared('data', 'accelerators.csv');

describe('built-in catalog', () => {
  it('has unique ids, each with sources', () => {
    expect(new Set(CATALOG.map((c) => c.id)).size).toBe(CATALOG.length);
    for (const spec of CATALOG) expect(spec.sources.length, spec.id).toBeGreaterThan(0);
  });

  it('finds chips by id, case-insensitively', () => {
    expect(findChip('nvidia-h20')?.int8).toBe(296);
    expect(findChip(' NVIDIA-H20 ')?.id).toBe('nvidia-h20');
    expect(findChip('no-such-chip')).toBeUndefined();
  });

  it('marks the filled RTX 4090 D figures as estimates with their source', () => {
    const d = findChip('nvidia-rtx-4090d');
    expect(d?.int8).toBe(588.4);
    expect(d?.estimates['int8']).toMatch(/estimate/);
    expect(d?.estimates['die_area_mm2']).toMatch(/AD102/);
  });

  describe.skipIf(skip !== null)(`matches the shared accelerator facts ${skip ?? ''}`, () => {
    const rows: Record<string, string>[] = skip === null ? parse(readFileSync(sharedPath('data', 'accelerators.csv'), 'utf8'), { columns: true, bom: true }) : [];

    it('has the same ids in the same order', () => {
      expect(CATALOG.map((c) => c.id)).toEqual(rows.map((r) => r['id']));
    });

    it('carries every numeric cell over unchanged (estimates aside)', () => {
      const numeric = ['die_area_mm2', 'fp64', 'fp32', 'tf32', 'fp16', 'bf16', 'fp8', 'fp6', 'int8', 'fp4', 'memory_bw_gbs', 'interconnect_bw_gbs', 'tdp_w'] as const;
      for (const row of rows) {
        const spec = findChip(row['id'] ?? '');
        expect(spec, row['id']).toBeDefined();
        if (spec === undefined) continue;
        for (const field of numeric) {
          if (spec.estimates[field] !== undefined) continue;
          const cell = row[field] ?? '';
          expect(spec[field], `${spec.id}.${field}`).toBe(cell === '' ? null : Number(cell));
        }
        expect(spec.market).toBe(row['market']);
        expect(spec.sources.join(' | ')).toBe(row['sources']);
      }
    });
  });
});
