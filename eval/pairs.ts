/**
 * Pair level: nomenklatura's labelled name pairs scored by our comparator, side by side with
 * OpenSanctions' frozen logic-v2 scores for the same rows. A third of the cases (by a stable
 * hash) is held out: nothing was tuned while looking at them.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { compareNames } from '../src/core/screening/compare-names.ts';
import type { NameKind } from '../src/core/screening/normalise/index.ts';
import { fixed, isHeldOut, pct, prf, table } from './metrics.ts';

interface Case {
  readonly group: string;
  readonly schema: string;
  readonly name1: string;
  readonly name2: string;
  readonly match: boolean;
  readonly quality: string;
  readonly category: string;
  readonly key: string;
}

function kindOf(schema: string): NameKind {
  if (schema === 'Person') return 'person';
  if (schema === 'Company' || schema === 'Organization' || schema === 'LegalEntity' || schema === 'Vessel') return 'entity';
  return 'unknown';
}

function readCases(path: string): Array<Case & { row: Record<string, string> }> {
  const rows = parse(readFileSync(path), { columns: true, skip_empty_lines: true, bom: true }) as Array<Record<string, string>>;
  return rows.map((r) => {
    const group = r['case_group'] ?? '';
    const schema = r['schema'] ?? '';
    const name1 = r['name1'] ?? '';
    const name2 = r['name2'] ?? '';
    return {
      group,
      schema,
      name1,
      name2,
      match: r['is_match'] === 'true',
      quality: r['quality'] ?? '',
      category: r['category'] ?? '',
      key: `${group}|${schema}|${name1}|${name2}`,
      row: r,
    };
  });
}

export const PAIR_THRESHOLDS = [0.6, 0.7, 0.75, 0.8, 0.85, 0.9] as const;

export interface PairReport {
  readonly text: string;
  readonly f1AtDefault: { all: number; heldOut: number; train: number };
}

export function runPairs(casesPath: string, frozenPath: string, defaultThreshold: number): PairReport {
  const cases = readCases(casesPath);
  const frozen = new Map<string, number>();
  for (const f of readCases(frozenPath)) frozen.set(f.key, Number(f.row['score']));
  const scored = cases.map((c) => ({ ...c, score: compareNames(c.name1, c.name2, kindOf(c.schema)).score, held: isHeldOut(c.key), peer: frozen.get(c.key) }));
  const lines: string[] = [];
  const subsets = {
    all: scored,
    train: scored.filter((c) => !c.held),
    heldOut: scored.filter((c) => c.held),
  };
  const withPeer = scored.filter((c) => c.peer !== undefined);
  const rows: string[][] = [];
  for (const t of PAIR_THRESHOLDS) {
    const ours = prf(subsets.all.map((c) => c.match), subsets.all.map((c) => c.score), t);
    const held = prf(subsets.heldOut.map((c) => c.match), subsets.heldOut.map((c) => c.score), t);
    const train = prf(subsets.train.map((c) => c.match), subsets.train.map((c) => c.score), t);
    const oursCommon = prf(withPeer.map((c) => c.match), withPeer.map((c) => c.score), t);
    const peer = prf(withPeer.map((c) => c.match), withPeer.map((c) => c.peer ?? 0), t);
    const peerHeld = prf(
      withPeer.filter((c) => c.held).map((c) => c.match),
      withPeer.filter((c) => c.held).map((c) => c.peer ?? 0),
      t,
    );
    rows.push([
      fixed(t, 2) + (Math.abs(t - defaultThreshold) < 1e-9 ? ' (default)' : ''),
      `${fixed(ours.precision)} / ${fixed(ours.recall)} / ${fixed(ours.f1)}`,
      fixed(train.f1),
      fixed(held.f1),
      `${fixed(oursCommon.f1)} vs ${fixed(peer.f1)}`,
      `${fixed(peer.precision)} / ${fixed(peer.recall)} / ${fixed(peer.f1)}`,
      fixed(peerHeld.f1),
    ]);
  }
  lines.push(
    `${scored.length} labelled pairs (${subsets.train.length} tuning, ${subsets.heldOut.length} held out); ${withPeer.length} have a frozen logic-v2 score.`,
    table(['threshold', 'ours P / R / F1 (all)', 'ours F1 tuning', 'ours F1 held-out', 'F1 same rows: ours vs logic-v2', 'logic-v2 P / R / F1', 'logic-v2 F1 held-out'], rows),
  );
  const strong = scored.filter((c) => c.quality === 'STRONG');
  const strongWrong = strong.filter((c) => (c.score >= defaultThreshold) !== c.match);
  lines.push(`STRONG cases decided correctly at the default threshold: ${strong.length - strongWrong.length}/${strong.length}`);
  for (const c of strongWrong.slice(0, 12)) lines.push(`  - ${c.match ? 'missed' : 'false hit'}: "${c.name1}" vs "${c.name2}" → ${fixed(c.score)}`);
  const tiers = ['STRONG', 'MEDIUM', 'WEAK'] as const;
  const means: string[] = [];
  for (const match of [true, false]) {
    for (const q of match ? tiers : [...tiers].reverse()) {
      const set = scored.filter((c) => c.match === match && c.quality === q);
      if (set.length === 0) continue;
      means.push(`${match ? 'match' : 'non-match'} ${q}: ${fixed(set.reduce((s, c) => s + c.score, 0) / set.length)} (n=${set.length})`);
    }
  }
  lines.push(`Mean score by label and tier (should fall left to right): ${means.join(' > ')}`);
  const f1 = (set: typeof scored): number => prf(set.map((c) => c.match), set.map((c) => c.score), defaultThreshold).f1;
  const bySchema = [...new Set(scored.map((c) => c.schema))].map((s) => {
    const set = scored.filter((c) => c.schema === s);
    return `${s} ${fixed(f1(set))} (n=${set.length})`;
  });
  lines.push(`F1 by schema at the default threshold: ${bySchema.join(', ')}`);
  const errors = scored.filter((c) => (c.score >= defaultThreshold) !== c.match && !c.held);
  lines.push(`Tuning-split errors at the default threshold: ${errors.length} (${pct(errors.length / Math.max(1, subsets.train.length))})`);
  if (process.env['EVAL_VERBOSE'] === '1') {
    for (const c of errors) lines.push(`  ${c.match ? 'FN' : 'FP'} ${fixed(c.score)} [${c.schema}/${c.quality}/${c.category}] "${c.name1}" vs "${c.name2}"`);
  }
  return { text: lines.join('\n'), f1AtDefault: { all: f1(subsets.all), heldOut: f1(subsets.heldOut), train: f1(subsets.train) } };
}
