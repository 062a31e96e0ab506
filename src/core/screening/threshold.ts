/**
 * The score at or above which a match is reported by default. See docs/screening-matching.md
 * for the figures that justify it (pair-level F1, list-level recall on generated variants,
 * false alerts per 1,000 clean names).
 */
export const DEFAULT_THRESHOLD = 0.8;
