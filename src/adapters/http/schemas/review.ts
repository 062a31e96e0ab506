import type { ReviewAction } from '../../../ports/store.ts';

/**
 * Reason codes an officer may give for a review decision, per action. A closed set keeps the trail
 * queryable ("how many clearances were 'different-country'?"); the note carries the specifics.
 */
export const REASON_CODES = {
  clear: ['different-entity', 'different-country', 'different-address', 'different-identifiers', 'name-coincidence', 'entry-delisted'],
  confirm: ['true-match', 'probable-match'],
  escalate: ['insufficient-information', 'legal-review', 'ownership-question'],
} as const satisfies Record<ReviewAction, readonly string[]>;

export const ALL_REASON_CODES = [...new Set(Object.values(REASON_CODES).flat())];

export function reasonFits(action: ReviewAction, reason: string): boolean {
  return (REASON_CODES[action] as readonly string[]).includes(reason);
}
