/**
 * The kind of party on each side, as supporting evidence. A person is not a company or a ship:
 * OpenSanctions never matches across incompatible schemata. We only lower the score instead of
 * excluding the entry, because callers misfile parties (a sole trader entered as an entity) and
 * an exact name should still alert.
 */
import type { NameForm } from './normalise/index.ts';
import type { ListEntry, PartyType } from './types.ts';

/** The party types a caller can state; 'unknown' is the same as not stating one. */
export const STATED_PARTY_TYPES = ['individual', 'entity', 'vessel', 'aircraft'] as const;
export type StatedPartyType = (typeof STATED_PARTY_TYPES)[number];

export function isStatedPartyType(value: string): value is StatedPartyType {
  return (STATED_PARTY_TYPES as readonly string[]).includes(value);
}

/**
 * The entry's type as its list gives it. The BIS and State lists give none; a name of theirs with a
 * legal form or a descriptor ("Co., Ltd.", "Institute") is an organisation's.
 */
export function listedPartyType(entry: ListEntry, matchedForms: readonly NameForm[]): PartyType {
  if (entry.type !== 'unknown') return entry.type;
  const organisational = matchedForms.some((f) => f.tokens.some((t) => t.role === 'legal' || t.role === 'generic'));
  return organisational ? 'entity' : 'unknown';
}

/** A person on one side and a non-person on the other. Entities, vessels and aircraft are not told apart: ships are named after their owners. */
export function partyTypesConflict(stated: PartyType, listed: PartyType): boolean {
  if (stated === 'unknown' || listed === 'unknown') return false;
  return (stated === 'individual') !== (listed === 'individual');
}
