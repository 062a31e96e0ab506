/**
 * Runs the generated variants through a screener and reports recall per family.
 */
import type { Screener } from '../src/core/screening/types.ts';
import { FAMILIES, type Variant } from './variants.ts';
import { pct, fixed, table } from './metrics.ts';

export interface RecallResult {
  readonly text: string;
  readonly recallAtDefault: { all: number; heldOut: number; tuning: number };
  readonly misses: readonly string[];
}

interface Outcome {
  readonly variant: Variant;
  /** Score of the expected entry, or 0 when it was not returned. */
  readonly score: number;
  /** 1-based rank of the expected entry, or Infinity. */
  readonly rank: number;
}

export function runListRecall(screener: Screener, variants: readonly Variant[], thresholds: readonly number[], defaultThreshold: number, describe: (v: Variant) => string): RecallResult {
  const floor = Math.min(...thresholds);
  const outcomes: Outcome[] = variants.map((variant) => {
    const matches = screener.screen({ name: variant.query }, { threshold: floor, limit: 50 });
    let rank = Number.POSITIVE_INFINITY;
    let score = 0;
    matches.forEach((m, i) => {
      if (rank === Number.POSITIVE_INFINITY && isExpected(m.entry, variant)) {
        // Ties with a higher-ranked entry count as rank 1 when the scores are equal.
        const topScore = matches[0]?.score ?? 0;
        rank = m.score === topScore ? 1 : i + 1;
        score = m.score;
      }
    });
    return { variant, score, rank };
  });
  const recall = (set: readonly Outcome[], t: number): number => (set.length === 0 ? 0 : set.filter((o) => o.score >= t).length / set.length);
  const rows: string[][] = [];
  for (const family of FAMILIES) {
    const set = outcomes.filter((o) => o.variant.family === family);
    if (set.length === 0) continue;
    rows.push([
      family,
      String(set.length),
      ...thresholds.map((t) => pct(recall(set, t))),
      pct(set.filter((o) => o.rank === 1).length / set.length),
      pct(set.filter((o) => o.rank <= 10).length / set.length),
      fixed(set.reduce((s, o) => s + (Number.isFinite(o.rank) ? 1 / o.rank : 0), 0) / set.length),
    ]);
  }
  const all = outcomes;
  rows.push([
    'all',
    String(all.length),
    ...thresholds.map((t) => pct(recall(all, t))),
    pct(all.filter((o) => o.rank === 1).length / all.length),
    pct(all.filter((o) => o.rank <= 10).length / all.length),
    fixed(all.reduce((s, o) => s + (Number.isFinite(o.rank) ? 1 / o.rank : 0), 0) / all.length),
  ]);
  const held = outcomes.filter((o) => o.variant.heldOut);
  const tuning = outcomes.filter((o) => !o.variant.heldOut);
  const misses = outcomes
    .filter((o) => o.score < defaultThreshold)
    .map((o) => `${o.variant.family}: "${o.variant.query}" → ${describe(o.variant)} (${o.score === 0 ? 'not returned' : fixed(o.score)})`);
  const text = [
    table(['family', 'n', ...thresholds.map((t) => `recall@${t}${Math.abs(t - defaultThreshold) < 1e-9 ? '*' : ''}`), 'top-1', 'top-10', 'MRR'], rows),
    `Recall at the default threshold ${defaultThreshold}: tuning entries ${pct(recall(tuning, defaultThreshold))} (n=${tuning.length}), held-out entries ${pct(recall(held, defaultThreshold))} (n=${held.length}).`,
  ].join('\n');
  return { text, recallAtDefault: { all: recall(all, defaultThreshold), heldOut: recall(held, defaultThreshold), tuning: recall(tuning, defaultThreshold) }, misses };
}

function isExpected(entry: { readonly list: string; readonly sourceId: string } | undefined, variant: Variant): boolean {
  return entry !== undefined && `${entry.list}:${entry.sourceId}` === variant.expectedKey;
}
