import type { AcceleratorSpec } from '../classification/accelerator-spec.ts';
import { ACCELERATORS } from './accelerators.data.ts';

/** The built-in catalog of real accelerators (public specifications, sources kept per row). */
export const CATALOG: readonly AcceleratorSpec[] = ACCELERATORS;

const BY_ID: ReadonlyMap<string, AcceleratorSpec> = new Map(CATALOG.map((spec) => [spec.id, spec]));

export function findChip(id: string): AcceleratorSpec | undefined {
  return BY_ID.get(id.trim().toLowerCase());
}

/** Catalog ids closest to a mistyped one, for "did you mean" hints. */
export function suggestChipIds(id: string, limit = 3): string[] {
  const needle = id.trim().toLowerCase();
  const parts = needle.split(/[-\s]+/).filter((p) => p.length > 1);
  return CATALOG.map((spec) => ({ id: spec.id, score: parts.filter((p) => spec.id.includes(p)).length }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((c) => c.id);
}
