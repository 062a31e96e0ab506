/**
 * The storage port: every operation the service (HTTP, CLI, jobs) performs on its database.
 * Two adapters implement it over one SQL schema: PGlite (embedded, default) and PostgreSQL (`DATABASE_URL`).
 * Records are plain JSON-friendly values; timestamps are ISO-8601 UTC strings; ids are UUID strings.
 * Fields may be added; existing ones keep their names and meanings.
 */
import type { ListCode } from '../core/screening/types.ts';
import type { ListStore } from './list-store.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

/** An ISO-8601 UTC instant, e.g. "2026-11-27T09:30:00.000Z". */
export type Instant = string;

export interface Page {
  readonly limit?: number;
  /** Opaque cursor returned as `next` by the previous page. */
  readonly after?: string;
}

export interface PageOf<T> {
  readonly items: readonly T[];
  /** Pass as `after` to get the next page; null when this is the last page. */
  readonly next: string | null;
}

// ---------------------------------------------------------------- parties, items, orders

export interface PartyInput {
  readonly name: string;
  /** ISO 3166-1 alpha-2. */
  readonly country?: string;
  readonly address?: string;
  /** The customer's own identifier (ERP number); unique when given. */
  readonly externalRef?: string;
  readonly attributes?: JsonObject;
}

export interface PartyRecord extends PartyInput {
  readonly id: string;
  readonly createdAt: Instant;
}

export interface ItemInput {
  /** Part number / catalog key, unique. */
  readonly sku: string;
  readonly description?: string;
  /** Technical parameters as entered (TPP inputs, die area, ...). */
  readonly attributes: JsonObject;
}

export interface ItemRecord extends ItemInput {
  readonly id: string;
  readonly createdAt: Instant;
}

export interface OrderLineInput {
  /** 1-based position in the order book / order; unique within the order. */
  readonly lineNo: number;
  readonly item: string;
  readonly quantity: number;
  /** The line as uploaded (end user, destination, value...), kept verbatim for replay. */
  readonly data: JsonObject;
}

export interface OrderInput {
  /** The customer's order number; unique. */
  readonly reference: string;
  readonly customerPartyId?: string;
  /** ISO 3166-1 alpha-2. */
  readonly destinationCountry?: string;
  readonly lines: readonly OrderLineInput[];
}

export interface OrderLineRecord extends OrderLineInput {
  readonly id: string;
  readonly orderId: string;
}

export interface OrderRecord {
  readonly id: string;
  readonly reference: string;
  readonly customerPartyId: string | null;
  readonly destinationCountry: string | null;
  readonly createdAt: Instant;
  readonly lines: readonly OrderLineRecord[];
}

// ---------------------------------------------------------------- determinations

/** Which list version (by id) each list had when a determination or screening ran. */
export type ListVersionsUsed = Readonly<Partial<Record<ListCode, string>>>;

export interface DeterminationInput {
  /** What was decided about, e.g. "order-line", "adhoc", "batch-screening". */
  readonly subjectKind: string;
  /** e.g. the order line id; null for ad-hoc calls. */
  readonly subjectId?: string;
  /** The engine's inputs, verbatim, so that replay can re-run them. */
  readonly inputs: JsonObject;
  /** The engine's outputs, verbatim. */
  readonly outputs: JsonObject;
  /** e.g. the rule-set id or the classification rule version id. */
  readonly ruleSetVersion: string;
  readonly listVersions: ListVersionsUsed;
  /** The as-of date the engine used (YYYY-MM-DD). */
  readonly asOf: string;
  /** Who or what asked (API key id, "job:<id>", "cli"). */
  readonly actor: string;
  /**
   * Makes the write idempotent: a second write with the same key returns the first record unchanged.
   * Jobs use "<jobId>:line:<n>" so a restarted job never duplicates a determination.
   */
  readonly idempotencyKey?: string;
}

export interface DeterminationRecord extends Omit<DeterminationInput, 'subjectId' | 'idempotencyKey'> {
  readonly id: string;
  readonly subjectId: string | null;
  readonly idempotencyKey: string | null;
  readonly createdAt: Instant;
}

export interface DeterminationQuery extends Page {
  readonly subjectKind?: string;
  readonly subjectId?: string;
}

// ---------------------------------------------------------------- screening alerts and reviews

export type AlertStatus = 'open' | 'pending-review' | 'cleared' | 'confirmed' | 'escalated';

export interface AlertInput {
  /** A stable key of the screened subject, e.g. "party:<id>" or "name:<normalised>". */
  readonly subjectKey: string;
  /** The query as screened (name, country, address). */
  readonly subject: JsonObject;
  readonly list: ListCode;
  readonly sourceId: string;
  /** Fingerprint of the list entry's content; a changed entry gets a new fingerprint. */
  readonly entryFingerprint: string;
  readonly listVersionId: string | null;
  readonly score: number;
  /** The match with its explanation, verbatim. */
  readonly match: JsonObject;
  /** The job that raised it, if any. */
  readonly jobId?: string;
}

export interface AlertRecord extends Omit<AlertInput, 'jobId'> {
  readonly id: string;
  readonly jobId: string | null;
  readonly status: AlertStatus;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
}

export interface AlertQuery extends Page {
  readonly status?: AlertStatus;
  readonly subjectKey?: string;
  readonly list?: ListCode;
}

/** What raising an alert did: a new alert, or nothing because the same subject/entry/fingerprint already has one. */
export interface RaiseAlertOutcome {
  readonly alert: AlertRecord;
  readonly created: boolean;
}

export type ReviewAction = 'clear' | 'confirm' | 'escalate';

export interface ReviewRequest {
  readonly alertId: string;
  readonly action: ReviewAction;
  /** e.g. "different-entity", "different-country", "true-match". */
  readonly reasonCode: string;
  readonly note: string;
  /** The user (API key owner) asking for the decision. */
  readonly requestedBy: string;
  /**
   * Four-eyes: when true a "clear" stays pending until a different user approves it;
   * when false it takes effect at once with the requester as reviewer.
   */
  readonly fourEyes: boolean;
}

export interface ReviewRecord {
  readonly id: string;
  readonly alertId: string;
  readonly action: ReviewAction;
  readonly reasonCode: string;
  readonly note: string;
  readonly requestedBy: string;
  readonly reviewedBy: string | null;
  readonly status: 'pending' | 'approved' | 'rejected';
  readonly createdAt: Instant;
  readonly decidedAt: Instant | null;
}

export interface ReviewDecision {
  readonly reviewId: string;
  readonly reviewer: string;
  readonly approve: boolean;
  readonly note?: string;
}

// ---------------------------------------------------------------- API keys

export const ROLES = ['viewer', 'analyst', 'officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiKeyRecord {
  readonly id: string;
  /** Who holds the key (a person or a system); shown in audit events and reviews. */
  readonly owner: string;
  readonly role: Role;
  /** First characters of the key, safe to display ("clr_ab12cd34"). */
  readonly prefix: string;
  readonly createdAt: Instant;
  readonly revokedAt: Instant | null;
}

export interface CreatedApiKey {
  readonly record: ApiKeyRecord;
  /** The secret; shown once, never stored (only its SHA-256 is). */
  readonly key: string;
}

// ---------------------------------------------------------------- jobs

export const JOB_KINDS = ['order-book-check', 'batch-screening', 'list-rescreening'] as const;
export type JobKind = (typeof JOB_KINDS)[number];
export type JobStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

export interface JobRecord {
  readonly id: string;
  readonly kind: JobKind;
  readonly status: JobStatus;
  readonly params: JsonObject;
  /** Units of work done (lines, parties) and the total when known. */
  readonly done: number;
  readonly total: number | null;
  /** The last checkpoint the worker wrote: it restarts from here. */
  readonly checkpoint: JsonObject;
  readonly result: JsonObject | null;
  readonly error: string | null;
  readonly attempts: number;
  readonly createdBy: string;
  readonly createdAt: Instant;
  readonly startedAt: Instant | null;
  readonly finishedAt: Instant | null;
}

export interface JobProgress {
  readonly done: number;
  readonly total?: number;
  readonly checkpoint?: JsonObject;
}

// ---------------------------------------------------------------- audit trail

export interface AuditEventInput {
  /** Who: API key id/owner, "cli", "job:<id>", "system". */
  readonly actor: string;
  /** What, dotted: "determination.created", "alert.cleared", "list.imported", "key.created". */
  readonly action: string;
  /** The record it concerns, e.g. "determination:<id>". */
  readonly subject: string;
  readonly details: JsonObject;
}

export interface AuditEvent extends AuditEventInput {
  /** Position in the chain, from 1. */
  readonly seq: number;
  readonly at: Instant;
  /** Hash of the previous event ("0"×64 for the first). */
  readonly prevHash: string;
  /** SHA-256 over prevHash and this event's canonical content. */
  readonly hash: string;
}

export interface AuditQuery extends Page {
  readonly actor?: string;
  readonly action?: string;
  readonly subject?: string;
  readonly from?: Instant;
  readonly until?: Instant;
}

export type AuditVerification =
  | { readonly ok: true; readonly events: number; readonly lastHash: string }
  | {
      readonly ok: false;
      readonly events: number;
      /** The first event whose link does not hold. */
      readonly brokenAt: number;
      readonly reason: 'content-hash-mismatch' | 'prev-hash-mismatch' | 'sequence-gap';
      readonly expected: string;
      readonly found: string;
    };

// ---------------------------------------------------------------- the port

export interface PartyRepository {
  upsert(input: PartyInput): Promise<PartyRecord>;
  get(id: string): Promise<PartyRecord | null>;
  list(page?: Page): Promise<PageOf<PartyRecord>>;
}

export interface ItemRepository {
  upsert(input: ItemInput): Promise<ItemRecord>;
  getBySku(sku: string): Promise<ItemRecord | null>;
}

export interface OrderRepository {
  /** Creates the order with its lines; a known reference returns the stored order unchanged. */
  create(input: OrderInput): Promise<OrderRecord>;
  get(id: string): Promise<OrderRecord | null>;
  getByReference(reference: string): Promise<OrderRecord | null>;
}

export interface DeterminationRepository {
  record(input: DeterminationInput): Promise<DeterminationRecord>;
  /** Several at once, in one transaction (all or none), each idempotent on its key; records in input order. */
  recordMany(inputs: readonly DeterminationInput[]): Promise<readonly DeterminationRecord[]>;
  get(id: string): Promise<DeterminationRecord | null>;
  list(query?: DeterminationQuery): Promise<PageOf<DeterminationRecord>>;
  count(query?: Omit<DeterminationQuery, keyof Page>): Promise<number>;
}

export interface AlertRepository {
  /** Idempotent on (subjectKey, list, sourceId, entryFingerprint). */
  raise(input: AlertInput): Promise<RaiseAlertOutcome>;
  get(id: string): Promise<AlertRecord | null>;
  list(query?: AlertQuery): Promise<PageOf<AlertRecord>>;
  /** The latest alert for a subject and list entry, whatever its fingerprint (re-screening compares against it). */
  latestFor(subjectKey: string, list: ListCode, sourceId: string): Promise<AlertRecord | null>;
  /** Opens a review; with four-eyes a clearance waits for approval, otherwise it applies at once. */
  requestReview(request: ReviewRequest): Promise<ReviewRecord>;
  /**
   * Approves or rejects a pending review. Fails with `forbidden` when the reviewer is the requester,
   * `conflict` when it is no longer pending, `not_found` when unknown.
   */
  decideReview(decision: ReviewDecision): Promise<ReviewRecord>;
  reviews(alertId: string): Promise<readonly ReviewRecord[]>;
}

export interface ApiKeyRepository {
  /** `actor` is who creates it, for the audit trail (default "cli"). */
  create(input: { readonly owner: string; readonly role: Role; readonly actor?: string }): Promise<CreatedApiKey>;
  /** The key's record when it exists and is not revoked; null otherwise. Constant work per lookup (hash then index). */
  authenticate(key: string): Promise<ApiKeyRecord | null>;
  list(): Promise<readonly ApiKeyRecord[]>;
  revoke(id: string, actor?: string): Promise<boolean>;
}

export interface JobRepository {
  create(input: { readonly kind: JobKind; readonly params: JsonObject; readonly createdBy: string; readonly total?: number }): Promise<JobRecord>;
  get(id: string): Promise<JobRecord | null>;
  list(query?: Page & { readonly kind?: JobKind; readonly status?: JobStatus }): Promise<PageOf<JobRecord>>;
  /** Marks running and counts the attempt; returns the record with its last checkpoint. */
  start(id: string): Promise<JobRecord>;
  checkpoint(id: string, progress: JobProgress): Promise<void>;
  complete(id: string, result: JsonObject): Promise<JobRecord>;
  /** Running jobs whose worker has not checkpointed for `leaseSeconds`: presumed dead. */
  stale(leaseSeconds: number): Promise<readonly JobRecord[]>;
  /** Records a failed attempt: `failed` for good, or back to `queued` when the queue will retry it. */
  fail(id: string, error: string, options?: { readonly retrying?: boolean }): Promise<JobRecord>;
}

export interface AuditRepository {
  /** Appends under a lock so that concurrent writers keep one valid chain. */
  append(event: AuditEventInput): Promise<AuditEvent>;
  query(query?: AuditQuery): Promise<PageOf<AuditEvent>>;
  /** Recomputes the whole chain in order and reports the first broken link. */
  verify(): Promise<AuditVerification>;
}

export type StoreKind = 'pglite' | 'postgres';

export interface Store {
  readonly kind: StoreKind;
  /** Where the data lives: a directory for PGlite, the URL without password for PostgreSQL. */
  readonly location: string;
  readonly parties: PartyRepository;
  readonly items: ItemRepository;
  readonly orders: OrderRepository;
  readonly determinations: DeterminationRepository;
  readonly alerts: AlertRepository;
  readonly keys: ApiKeyRepository;
  readonly jobs: JobRepository;
  readonly audit: AuditRepository;
  /** Screening list versions and entries (the list-store port, on the same database). */
  readonly lists: ListStore;
  /** Round-trips one query; for `/health`. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface StoreConfig {
  /** PostgreSQL URL; when absent the embedded PGlite database is used. */
  readonly databaseUrl?: string;
  /** PGlite data directory; "memory://" for a throwaway in-memory database (tests). */
  readonly dataDir?: string;
  /** Run pending migrations on open (default true). */
  readonly migrate?: boolean;
}
