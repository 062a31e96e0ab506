import type { ScreeningMatch, ScreeningQuery } from '../../core/screening/types.ts';
import type { AlertRecord, Store } from '../../ports/store.ts';
import { entryFingerprint } from '../storage/list-entry-json.ts';
import { toJsonObject } from './json.ts';
import type { ActiveScreening } from './deps.ts';

/** The subject an alert is about when the caller screens a bare name: the name and country as typed, normalised for spacing and case. */
export function subjectKeyOf(query: ScreeningQuery): string {
  const name = query.name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  return `name:${name}|${(query.country ?? '').toUpperCase()}`;
}

export interface ScreenedMatch {
  readonly match: ScreeningMatch;
  readonly alert: AlertRecord;
  readonly newAlert: boolean;
}

/** Raises (idempotently) one alert per match, tied to the list version the entry came from. */
export async function raiseAlerts(
  store: Store,
  screening: ActiveScreening,
  query: ScreeningQuery,
  matches: readonly ScreeningMatch[],
  subjectKey = subjectKeyOf(query),
  jobId?: string,
): Promise<ScreenedMatch[]> {
  const out: ScreenedMatch[] = [];
  for (const match of matches) {
    const version = screening.versions.find((v) => (v.countsByList[match.list] ?? 0) > 0);
    const outcome = await store.alerts.raise({
      subjectKey,
      subject: toJsonObject(query),
      list: match.list,
      sourceId: match.sourceId,
      entryFingerprint: entryFingerprint(match.entry),
      listVersionId: version?.id ?? null,
      score: match.score,
      match: toJsonObject({ name: match.name, matchedName: match.matchedName, score: match.score, explanation: match.explanation, entry: match.entry }),
      ...(jobId === undefined ? {} : { jobId }),
    });
    out.push({ match, alert: outcome.alert, newAlert: outcome.created });
  }
  return out;
}
