import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinary, runCli as cli } from '../support/run-cli.ts';

function specFile(json: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'clearance-spec-'));
  const path = join(dir, 'spec.json');
  writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json));
  return path;
}

describe('clearance classify / chips / headroom', () => {
  it('H20 on 2024-06-01: not 3A090 with both binding margins (--json)', async () => {
    const { code, stdout } = await runBinary(['classify', '--chip', 'nvidia-h20', '--as-of', '2024-06-01', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r).toMatchObject({ item: 'nvidia-h20', asOf: '2024-06-01', tpp: 2368, eccn: null, paragraph: null, licenseExceptionsEligible: [], insufficientData: [] });
    const margins = r.tests.map((t: { margin: string | null }) => t.margin);
    expect(margins).toContain('TPP 2368 is 32 below 2400 (1.3 %)');
    expect(margins).toContain('PD 2.91 is 0.29 below 3.2 (9.1 %)');
    expect(r.bindingMargins).toEqual(['3A090.b.1: TPP 2368 is 32 below 2400 (1.3 %)', '3A090.b.2: PD 2.91 is 0.29 below 3.2 (9.1 %)']);
    expect(r.performanceDensity).toBeCloseTo(2.91, 2);
    expect(Array.isArray(r.policy)).toBe(true);
  });

  it('A800: not controlled on 2022-12-01 because of I/O, 3A090.a.1 on 2023-12-01', async () => {
    const before = JSON.parse((await cli('classify', '--chip', 'nvidia-a800-sxm4-80gb', '--as-of', '2022-12-01', '--json')).stdout);
    expect(before.eccn).toBeNull();
    expect(before.summary).toMatch(/I\/O 400 GB\/s is 200 GB\/s below 600/);
    const after = JSON.parse((await cli('classify', '--chip', 'nvidia-a800-sxm4-80gb', '--as-of', '2023-12-01', '--json')).stdout);
    expect(after).toMatchObject({ eccn: '3A090.a', paragraph: '3A090.a.1' });
  });

  it('prints a readable table by default', async () => {
    const { code, stdout } = await cli('classify', '--chip', 'nvidia-l4', '--as-of', '2024-06-01');
    expect(code).toBe(0);
    expect(stdout).toMatch(/3A090\.a \(3A090\.a\.2\)/);
    expect(stdout).toMatch(/88 FR 73458/);
  });

  it('classifies a --spec file, with .z for a host ECCN', async () => {
    const path = specFile({ id: 'my-gpu', market: 'consumer', int8: 700, die_area_mm2: 600 });
    const r = JSON.parse((await cli('classify', '--spec', path, '--as-of', '2025-01-01', '--host-eccn', '5A992', '--json')).stdout);
    expect(r).toMatchObject({ item: 'my-gpu', eccn: '5A992.z', paragraph: '5A992.z.1', licenseExceptionsEligible: ['NAC', 'ACA'] });
  });

  it('bad specs: exit 2, naming the field and what is accepted', async () => {
    const neg = await runBinary(['classify', '--spec', specFile({ id: 'x', market: 'datacenter', int8: -3 })]);
    expect(neg.code).toBe(2);
    expect(neg.stderr).toMatch(/int8: int8 must not be negative/);
    const prec = await cli('classify', '--spec', specFile({ id: 'x', market: 'datacenter', fp12: 3 }));
    expect(prec.code).toBe(2);
    expect(prec.stderr).toMatch(/unknown precision "fp12"/);
    const market = await cli('classify', '--spec', specFile({ id: 'x', market: 'gaming' }));
    expect(market.stderr).toMatch(/datacenter \| consumer \| workstation/);
    const json = await cli('classify', '--spec', specFile('{not json'));
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/not valid JSON/);
    expect(json.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('usage errors exit 2: unknown chip, bad date, neither or both item options', async () => {
    expect((await cli('classify', '--chip', 'nvidia-h21')).code).toBe(2);
    const date = await cli('classify', '--chip', 'nvidia-h20', '--as-of', '2024-02-30');
    expect(date.code).toBe(2);
    expect(date.stderr).toMatch(/as-of/);
    expect((await cli('classify')).code).toBe(2);
    expect((await cli('classify', '--chip', 'nvidia-h20', '--spec', 'x.json')).code).toBe(2);
  });

  it('--datacenter overrides the market column (a datacenter RTX 4090 D would be 3A090.a.2)', async () => {
    const r = JSON.parse((await cli('classify', '--chip', 'nvidia-rtx-4090d', '--as-of', '2024-06-01', '--datacenter', 'yes', '--json')).stdout);
    expect(r).toMatchObject({ datacenter: true, paragraph: '3A090.a.2' });
    const bad = await cli('classify', '--chip', 'nvidia-rtx-4090d', '--datacenter', 'maybe');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/yes or no/);
  });

  it('--exporter-role applies the Note 1 presumption; a bad role exits 2', async () => {
    const r = JSON.parse((await cli('classify', '--chip', 'nvidia-h20', '--as-of', '2025-06-01', '--exporter-role', 'osat', '--json')).stdout);
    expect(r).toMatchObject({ eccn: '3A090.a', datacenter: true });
    const rebutted = JSON.parse((await cli('classify', '--chip', 'nvidia-h20', '--as-of', '2025-06-01', '--exporter-role', 'osat', '--designer-attestation', '--json')).stdout);
    expect(rebutted.eccn).toBeNull();
    expect((await cli('classify', '--chip', 'nvidia-h20', '--exporter-role', 'distributor')).code).toBe(2);
  });

  it('chips --json lists the catalog with TPP', async () => {
    const rows = JSON.parse((await cli('chips', '--json')).stdout);
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.find((r: { id: string }) => r.id === 'nvidia-h20')).toMatchObject({ tpp: 2368, tppPrecision: 'int8' });
  });

  it('headroom --json: H20 just inside the 2400 line', async () => {
    const r = JSON.parse((await cli('headroom', '--chip', 'nvidia-h20', '--as-of', '2024-06-01', '--json')).stdout);
    expect(r.outside3A090.maxTpp).toEqual({ value: 2400, binding: '3A090.b.1: TPP >= 2400' });
    expect(r.outside3A090.tppHeadroom).toBe(32);
  });
});
