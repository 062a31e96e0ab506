import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

const HEADER = 'order_id,order_date,item,quantity,unit_price_usd,ship_to_country,end_user,end_user_country,end_user_hq_country,end_use,po_ref';

function book(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'clearance-check-'));
  const path = join(dir, 'orders.csv');
  writeFileSync(path, [HEADER, ...lines].join('\n') + '\n');
  return path;
}

describe('clearance check (end to end through the CLI)', () => {
  let out: string[];
  let err: string[];
  beforeEach(() => {
    out = [];
    err = [];
    process.env['CLEARANCE_DATA_DIR'] = mkdtempSync(join(tmpdir(), 'clearance-nodata-'));
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
    process.exitCode = undefined;
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('prints JSON Lines with the determination fields and passes unknown columns through', async () => {
    const path = book(['A-1,2024-06-01,nvidia-h100-sxm5-80gb,8,27500,CN,Acme,CN,CN,commercial,PO-9', 'A-2,2024-06-01,nvidia-rtx-4090,10,1800,VN,Hanoi Co,VN,VN,,PO-10']);
    const code = await main(['node', 'clearance', 'check', path, '--json']);
    expect(code).toBe(0);
    const records = out.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ order_id: 'A-1', outcome: 'license-required', licenseRequired: true, eccn: '3A090.a', reviewPolicy: 'presumption-of-denial', extra: { po_ref: 'PO-9' } });
    expect(records[1]).toMatchObject({ order_id: 'A-2', outcome: 'license-exception' });
    expect(JSON.stringify(records[0]?.['warnings'])).toContain('parties not screened');
  });

  it('reports bad lines with line number and field, checks the rest, and exits 2', async () => {
    const path = book(['B-1,2024-06-01,nvidia-h100-sxm5-80gb,-2,1,CN,Acme,CN,,,', 'B-2,2024-06-01,nvidia-l20,5,1,CN,Acme,CN,,,']);
    const code = await main(['node', 'clearance', 'check', path, '--json']);
    expect(code).toBe(2);
    const records = out.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records[0]).toMatchObject({ line: 2, outcome: 'error' });
    expect(records[1]).toMatchObject({ order_id: 'B-2', outcome: 'no-license-required' });
    expect(err.join('')).toMatch(/line 2 \(B-1\): quantity: -2 is negative/);
  });

  it('--fail-on license-required exits 1 when such a line exists; --as-of overrides the order date', async () => {
    const path = book(['C-1,2023-06-01,nvidia-a800-sxm4-80gb,8,1,CN,Acme,CN,CN,,']);
    expect(await main(['node', 'clearance', 'check', path, '--fail-on', 'license-required'])).toBe(0);
    expect(await main(['node', 'clearance', 'check', path, '--fail-on', 'license-required', '--as-of', '2024-01-01'])).toBe(1);
    expect(out.join('')).toMatch(/Summary: 1 lines checked/);
  });

  it('writes CSV with result columns and an HTML report', async () => {
    const path = book(['D-1,2025-05-01,nvidia-h20,8,12000,CN,Acme,CN,CN,,PO-1']);
    const html = join(mkdtempSync(join(tmpdir(), 'clearance-html-')), 'report.html');
    expect(await main(['node', 'clearance', 'check', path, '--csv', '--html', html])).toBe(0);
    const [header, row] = out.join('').trim().split('\n');
    expect(header).toContain('po_ref,outcome,license_required');
    expect(row).toContain('license-required');
    expect(row).toContain('overlay-is-informed');
    const report = readFileSync(html, 'utf8');
    expect(report).toContain('id="summary"');
    expect(report).toContain('overlay-is-informed');
  });

  it('rejects a book whose header lacks required columns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clearance-check-'));
    const path = join(dir, 'bad.csv');
    writeFileSync(path, 'order_id,item\nX,nvidia-l4\n');
    expect(await main(['node', 'clearance', 'check', path])).toBe(2);
    expect(err.join('')).toMatch(/order_date: required column missing/);
  });
});
