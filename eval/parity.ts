/**
 * OFAC parity (nomenklatura's fixture of scores observed on OFAC's Sanctions List Search)
 * and Watchman's cross-script pairs. Parity is a reference, not a goal: OFAC's own quirks
 * (word order matters, short tokens dropped) are known flaws.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { compareNames } from '../src/core/screening/compare-names.ts';
import { fixed, pct, spearman, table } from './metrics.ts';

export function runOfacParity(path: string, threshold: number): string {
  const rows = parse(readFileSync(path), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  const ofac: number[] = [];
  const ours: number[] = [];
  const disagreements: string[] = [];
  for (const r of rows) {
    const q = r['query_name'] ?? '';
    const n = r['result_name'] ?? '';
    const o = Number(r['ofac_score']);
    const s = compareNames(q, n, n.includes(',') ? 'person' : 'unknown').score;
    ofac.push(o);
    ours.push(s);
    if (o >= 85 !== s >= threshold) disagreements.push(`${q} / ${n}: OFAC ${o}, ours ${fixed(s * 100, 0)}`);
  }
  const mad = ours.reduce((sum, s, i) => sum + Math.abs(s * 100 - (ofac[i] ?? 0)), 0) / ours.length;
  const agree = ours.filter((s, i) => s >= threshold === (ofac[i] ?? 0) >= 85).length;
  return [
    `${rows.length} OFAC tool scores: Spearman ρ = ${fixed(spearman(ours, ofac))}, mean |ours×100 − OFAC| = ${fixed(mad, 1)}, decision agreement (OFAC ≥ 85 vs ours ≥ ${threshold}) = ${pct(agree / rows.length)}`,
    `Examples of disagreement: ${disagreements.slice(0, 6).join('; ')}`,
  ].join('\n');
}

export function runCrossScript(path: string, threshold: number): string {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const rows: string[][] = [];
  let passMin = 0;
  let passThreshold = 0;
  for (const line of lines) {
    const [query = '', expected = '', min = '0', description = ''] = line.split(',');
    const s = compareNames(query, expected).score;
    if (s >= Number(min)) passMin += 1;
    if (s >= threshold) passThreshold += 1;
    rows.push([query, expected, fixed(s, 2), min, description]);
  }
  return [
    `${lines.length} cross-script pairs: ${passMin} reach Watchman's per-pair minimum (set for its embedding model), ${passThreshold} reach our default threshold ${threshold}.`,
    table(['query', 'expected', 'ours', 'watchman min', 'description'], rows),
  ].join('\n');
}
