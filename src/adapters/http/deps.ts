import type { TokenBucketPolicy } from '../../core/rate-limit/token-bucket.ts';
import type { ListStore } from '../../ports/list-store.ts';
import type { JobKind, JobRecord, JsonObject, Store } from '../../ports/store.ts';
import type { ReplayReport } from '../jobs/replay.ts';
import type { ScreeningSnapshot } from '../jobs/screening.ts';

export interface CorsConfig {
  /** Exact origins allowed to call the API from a browser; CORS is off when this is absent. */
  readonly origins: readonly string[];
}

export interface HttpConfig {
  /** Largest JSON body for ordinary routes. */
  readonly bodyLimitBytes: number;
  /** Largest body for uploads (order books, list files, batch screening). */
  readonly uploadLimitBytes: number;
  /** Per-key token bucket; null turns rate limiting off (benchmarks only). */
  readonly rateLimit: TokenBucketPolicy | null;
  readonly cors: CorsConfig | null;
  /** When on, the requester of a clearance cannot be the one who approves it. */
  readonly fourEyes: boolean;
  /** Order books and batches up to this many lines are answered inline; longer ones run as a job. */
  readonly inlineLimit: number;
}

export const DEFAULT_HTTP_CONFIG: HttpConfig = {
  bodyLimitBytes: 256 * 1024,
  uploadLimitBytes: 64 * 1024 * 1024,
  rateLimit: { capacity: 300, refillPerSecond: 100 },
  cors: null,
  fourEyes: true,
  inlineLimit: 200,
};

/** The screener over the active list versions, with the versions it was built from. */
export type ActiveScreening = ScreeningSnapshot;

/** Hands long work (order books, big batches) to the durable job queue. */
export interface JobSubmitter {
  submit(input: { readonly kind: JobKind; readonly params: JsonObject; readonly createdBy: string; readonly total?: number }): Promise<JobRecord>;
}

export interface AppDeps {
  readonly store: Store;
  readonly lists: ListStore;
  /** The current screener, or null when no list has been imported yet. Cached by the caller. */
  readonly screening: () => Promise<ActiveScreening | null>;
  /** Tells the screening cache that the active lists changed. */
  readonly listsChanged?: () => void;
  /** Absent when this process runs no job queue; long books and batches are then refused with a hint. */
  readonly jobs?: JobSubmitter;
  /** Re-runs a stored determination with its recorded inputs, rule and list versions; absent when unavailable. */
  readonly replay?: (determinationId: string) => Promise<ReplayReport>;
  /** The adapters' clock: the core never reads it, routes pass dates in. */
  readonly now: () => Date;
  readonly config: HttpConfig;
  /** Where server-side failures (with stacks) are written; never sent to clients. */
  readonly log: (line: string) => void;
}
