/**
 * The score at or above which a match is reported by default.
 *
 * 0.80 is where pair-level F1 on nomenklatura's labelled pairs peaks (0.85; held-out split 0.81,
 * against 0.74 for OpenSanctions' logic-v2 on the same rows) and where 99 % of the name variants
 * generated from the CSL of 2026-07-31 still find their entry (goal 98 %). Higher thresholds cut
 * alerts on common person names (about 30 → 16 → 6 per 1,000 clean names at 0.80 / 0.85 / 0.90)
 * at the cost of recall (98.9 → 98.4 → 96.8 %). Figures and method: docs/screening-matching.md.
 */
export const DEFAULT_THRESHOLD = 0.8;
