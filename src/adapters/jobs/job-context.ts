import type { ClassificationCache } from '../../core/determination/classification-context.ts';
import type { JobKind, JobRecord, JsonObject } from '../../ports/store.ts';
import type { SqlStore } from '../storage/sql-store.ts';
import type { ScreeningSnapshot } from './screening.ts';

/** What a job handler gets: the store, its job (with the last checkpoint), and the shared engines. */
export interface JobContext {
  readonly store: SqlStore;
  readonly job: JobRecord;
  /** The screener over the active lists, or null when none is loaded. */
  readonly screening: () => Promise<ScreeningSnapshot | null>;
  readonly classifications: ClassificationCache;
  /** The adapters' clock (the core never reads it). */
  readonly now: () => Date;
  /** Called after every checkpoint; the CLI and tests print progress from it. */
  readonly onProgress?: (progress: { readonly jobId: string; readonly kind: JobKind; readonly done: number; readonly total: number | null }) => void;
}

/** Does the work of one job kind, resuming from `job.checkpoint`; returns the job's result. Must be idempotent per unit. */
export type JobHandler = (context: JobContext) => Promise<JsonObject>;

/** Lines (or parties) between two checkpoints: small enough to lose little on a crash, large enough to cost little. */
export const CHECKPOINT_EVERY = 20;

export function numberField(value: JsonObject, key: string, fallback: number): number {
  const v = value[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export function stringField(value: JsonObject, key: string): string | null {
  const v = value[key];
  return typeof v === 'string' ? v : null;
}

/** A tally carried in the checkpoint so a resumed job reports totals over all its attempts. */
export function tallyOf(checkpoint: JsonObject): Record<string, number> {
  const t = checkpoint['tally'];
  const out: Record<string, number> = {};
  if (typeof t === 'object' && t !== null && !Array.isArray(t)) {
    for (const [k, v] of Object.entries(t)) if (typeof v === 'number') out[k] = v;
  }
  return out;
}
