/**
 * What changed between two list versions: entries added, removed and changed, keyed by
 * (list, sourceId). Pure; the order of aliases, countries and programs does not count as a change.
 */
import type { ListEntry } from './types.ts';

export interface FieldChange {
  readonly field: keyof ListEntry;
  readonly before: unknown;
  readonly after: unknown;
}

export interface ChangedEntry {
  readonly before: ListEntry;
  readonly after: ListEntry;
  readonly changes: readonly FieldChange[];
}

export interface ListDiff {
  readonly added: readonly ListEntry[];
  readonly removed: readonly ListEntry[];
  readonly changed: readonly ChangedEntry[];
  readonly unchanged: number;
}

const COMPARED_FIELDS: readonly (keyof ListEntry)[] = [
  'list', 'name', 'aliases', 'type', 'countries', 'addresses', 'programs', 'remarks', 'licenseRequirement',
  'licensePolicy', 'federalRegisterNotice', 'startDate', 'endDate', 'sourceUrl',
];
/** Multi-valued fields whose order carries no meaning. */
const SETS = new Set<keyof ListEntry>(['aliases', 'countries', 'programs']);

export function entryKey(entry: Pick<ListEntry, 'list' | 'sourceId'>): string {
  return `${entry.list}:${entry.sourceId}`;
}

function canonical(field: keyof ListEntry, value: unknown): string {
  if (value === undefined) return '';
  if (SETS.has(field) && Array.isArray(value)) return JSON.stringify([...value].map(String).sort());
  if (field === 'addresses' && Array.isArray(value)) return JSON.stringify(value.map((a) => JSON.stringify(a)).sort());
  return JSON.stringify(value);
}

export function entryChanges(before: ListEntry, after: ListEntry): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of COMPARED_FIELDS) {
    if (canonical(field, before[field]) !== canonical(field, after[field])) changes.push({ field, before: before[field], after: after[field] });
  }
  return changes;
}

export function diffLists(before: readonly ListEntry[], after: readonly ListEntry[]): ListDiff {
  const old = new Map<string, ListEntry>();
  for (const e of before) old.set(entryKey(e), e);
  const added: ListEntry[] = [];
  const changed: ChangedEntry[] = [];
  const seen = new Set<string>();
  let unchanged = 0;
  for (const e of after) {
    const key = entryKey(e);
    if (seen.has(key)) continue;
    seen.add(key);
    const previous = old.get(key);
    if (previous === undefined) {
      added.push(e);
      continue;
    }
    const changes = entryChanges(previous, e);
    if (changes.length === 0) unchanged += 1;
    else changed.push({ before: previous, after: e, changes });
  }
  const removed = [...old.entries()].filter(([key]) => !seen.has(key)).map(([, e]) => e);
  return pairByName(added, removed, changed, unchanged);
}

/**
 * Some lists have no stable id (the CSL's Entity List rows carry only a generated `_id`), so an
 * edited row can come back under a new id. A removed and an added entry with the same list and
 * name are reported as one changed entry instead.
 */
function pairByName(added: ListEntry[], removed: ListEntry[], changed: ChangedEntry[], unchanged: number): ListDiff {
  const byName = new Map<string, ListEntry[]>();
  for (const e of removed) {
    const k = `${e.list}:${e.name.trim().toLowerCase()}`;
    byName.set(k, [...(byName.get(k) ?? []), e]);
  }
  const stillAdded: ListEntry[] = [];
  const paired = new Set<ListEntry>();
  for (const e of added) {
    const candidates = byName.get(`${e.list}:${e.name.trim().toLowerCase()}`);
    const match = candidates?.shift();
    if (match === undefined) {
      stillAdded.push(e);
      continue;
    }
    paired.add(match);
    const changes: FieldChange[] = [{ field: 'sourceId', before: match.sourceId, after: e.sourceId }, ...entryChanges(match, e)];
    changed.push({ before: match, after: e, changes });
  }
  return { added: stillAdded, removed: removed.filter((e) => !paired.has(e)), changed, unchanged };
}
