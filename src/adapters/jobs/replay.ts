import { canonicalJson } from '../../core/audit/canonical-json.ts';
import { parseIsoDate, type IsoDate } from '../../core/calendar/iso-date.ts';
import { ClassificationCache } from '../../core/determination/classification-context.ts';
import { parseOrderLine } from '../../core/determination/parse-order-line.ts';
import { RULE_SET_VERSION } from '../../core/determination/rule-set.ts';
import type { HitReview, PartyRole } from '../../core/determination/types.ts';
import { ClearanceError } from '../../core/errors.ts';
import { LIST_CODES } from '../../core/screening/types.ts';
import type { JsonObject } from '../../ports/store.ts';
import { determinationContentHash } from '../storage/determinations.ts';
import type { SqlStore } from '../storage/sql-store.ts';
import { toJsonObject } from '../http/json.ts';
import { ORDER_LINE_SUBJECT, recordOf } from './order-book-check.ts';
import { decideLine, partyScreenings, screenLineParties, type RecordedReview } from './order-line.ts';
import { screeningAtVersions } from './screening.ts';

export interface ReplayReport {
  readonly determinationId: string;
  /** True when re-running gives exactly the stored outputs (canonical JSON equality). */
  readonly same: boolean;
  readonly recordedRuleSet: string;
  readonly currentRuleSet: string;
  /** The list versions the replay screened against: the ones the determination recorded. */
  readonly listVersions: readonly string[];
  /**
   * Whether the stored record still hashes to the content hash its audit event recorded: false means the row
   * was edited after it was written; null when no audit event names it (written before the hash was recorded).
   */
  readonly recordIntact: boolean | null;
  /** Top-level output fields that differ (empty when `same`). */
  readonly differences: readonly string[];
  readonly replayed: JsonObject;
}

/**
 * Re-runs a stored order-line determination with what it recorded: the raw line, the as-of date and regime,
 * the list versions (the screener is rebuilt from exactly those versions' entries) and the reviewers' decisions
 * on each hit at the time. The rules in this build are used; when the recorded rule-set version differs, the
 * report says so, since an answer may then legitimately change.
 */
export async function replayDetermination(store: SqlStore, id: string): Promise<ReplayReport> {
  const stored = await store.determinations.get(id);
  if (stored === null) throw new ClearanceError('not_found', `no determination ${id}`, { field: 'id' });
  if (stored.subjectKind !== ORDER_LINE_SUBJECT) {
    throw new ClearanceError('invalid_input', `determination ${id} is a ${stored.subjectKind}; only order-line determinations can be replayed`, { field: 'id' });
  }
  const inputs = stored.inputs;
  const record = inputs['record'];
  const lineNumber = inputs['lineNumber'];
  if (typeof record !== 'object' || record === null || Array.isArray(record) || typeof lineNumber !== 'number') {
    throw new ClearanceError('invalid_input', `determination ${id} does not hold its raw order line; it cannot be replayed`, { field: 'id' });
  }
  const parsed = parseOrderLine(recordOf(record), lineNumber);
  if (!parsed.ok) throw new ClearanceError('invalid_input', `the recorded line of determination ${id} no longer parses`, { field: 'id' });
  const asOf = dateOrNull(inputs['asOf']);
  const regime = inputs['regime'] === 'codified' ? 'codified' : 'enforced';
  const versionIds = [...new Set(Object.values(stored.listVersions).filter((v): v is string => typeof v === 'string'))];
  const screening = inputs['screened'] === true ? await screeningAtVersions(store.lists, versionIds) : null;
  const screened = screening === null ? null : partyScreenings(screenLineParties(parsed.value, screening.screener), reviewsOf(inputs['reviews']));
  const decision = decideLine({ line: parsed.value, asOf, regime, screening: screened }, new ClassificationCache());
  const replayed = toJsonObject(decision);
  const differences = Object.keys({ ...stored.outputs, ...replayed }).filter((k) => {
    const a = stored.outputs[k];
    const b = replayed[k];
    return canonicalJson(a === undefined ? null : a) !== canonicalJson(b === undefined ? null : b);
  });
  const events = await store.audit.query({ subject: `determination:${id}`, action: 'determination.recorded', limit: 1 });
  const recordedHash = events.items[0]?.details['contentHash'];
  const recordIntact = typeof recordedHash === 'string' ? recordedHash === determinationContentHash(stored) : null;
  return {
    determinationId: id,
    same: differences.length === 0,
    recordIntact,
    recordedRuleSet: stored.ruleSetVersion,
    currentRuleSet: RULE_SET_VERSION,
    listVersions: versionIds,
    differences,
    replayed,
  };
}

function dateOrNull(value: unknown): IsoDate | null {
  if (typeof value !== 'string') return null;
  const parsed = parseIsoDate(value);
  return parsed.ok ? parsed.value : null;
}

const ROLES: readonly PartyRole[] = ['end_user', 'consignee', 'other'];
const REVIEWS: readonly HitReview[] = ['unreviewed', 'confirmed', 'cleared'];

function reviewsOf(value: unknown): RecordedReview[] {
  if (!Array.isArray(value)) return [];
  const out: RecordedReview[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) continue;
    const m = new Map(Object.entries(item));
    const role = ROLES.find((r) => r === m.get('role'));
    const list = LIST_CODES.find((l) => l === m.get('list'));
    const review = REVIEWS.find((r) => r === m.get('review'));
    const sourceId = m.get('sourceId');
    if (role !== undefined && list !== undefined && review !== undefined && typeof sourceId === 'string') out.push({ role, list, sourceId, review });
  }
  return out;
}
