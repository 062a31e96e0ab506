import { birthYearOf } from '../../core/screening/birth-years.ts';
import { isStatedPartyType } from '../../core/screening/party-type.ts';
import type { ScreeningQuery } from '../../core/screening/types.ts';
import type { JsonObject, PartyInput, PartyRecord } from '../../ports/store.ts';
import { raiseAlerts, subjectKeyOf } from '../http/screening-record.ts';
import type { JobContext } from './job-context.ts';
import type { ScreeningSnapshot } from './screening.ts';

export interface PartyOutcome {
  readonly hits: number;
  readonly newAlerts: number;
}

/**
 * Screens one party and raises alerts for its hits. An alert is keyed by subject, list entry and the entry's
 * fingerprint, so a hit already alerted (open, or cleared by a reviewer) raises nothing again unless the
 * entry itself changed; only new hits and changed entries produce new alerts.
 */
export async function screenParty(ctx: JobContext, screening: ScreeningSnapshot, query: ScreeningQuery, threshold: number | undefined): Promise<PartyOutcome> {
  const matches = screening.screener.screen(query, threshold === undefined ? {} : { threshold });
  const raised = await raiseAlerts(ctx.store, screening, query, matches, subjectKeyOf(query), ctx.job.id);
  return { hits: matches.length, newAlerts: raised.filter((r) => r.newAlert).length };
}

/** A party given in job params: `{name, country?, address?, dateOfBirth?, type?}`; null when unusable. */
export function queryOf(value: unknown): ScreeningQuery | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const m = new Map(Object.entries(value));
  const name = m.get('name');
  if (typeof name !== 'string' || name.trim() === '') return null;
  const country = m.get('country');
  const address = m.get('address');
  const dob = m.get('dateOfBirth');
  const birthYear = typeof dob === 'string' ? birthYearOf(dob) : undefined;
  const type = m.get('type');
  return {
    name,
    ...(typeof country === 'string' && country !== '' ? { country: country.toUpperCase() } : {}),
    ...(typeof address === 'string' && address !== '' ? { address } : {}),
    ...(birthYear === undefined ? {} : { birthYear }),
    ...(typeof type === 'string' && isStatedPartyType(type) ? { type } : {}),
  };
}

/** A screened party as stored for re-screening; year of birth and type go in its attributes, so a re-screening asks the same question. */
export function storedParty(query: ScreeningQuery): PartyInput {
  return {
    name: query.name,
    ...(query.country === undefined ? {} : { country: query.country }),
    ...(query.address === undefined ? {} : { address: query.address }),
    externalRef: subjectKeyOf(query),
    attributes: {
      ...(query.birthYear === undefined ? {} : { dateOfBirth: String(query.birthYear) }),
      ...(query.type === undefined ? {} : { type: query.type }),
    },
  };
}

/** The query a stored party was screened with. */
export function queryOfParty(party: PartyRecord): ScreeningQuery {
  return (
    queryOf({ ...(party.attributes ?? {}), name: party.name, country: party.country ?? '', address: party.address ?? '' }) ?? { name: party.name }
  );
}

export function thresholdOf(params: JsonObject): number | undefined {
  const t = params['threshold'];
  return typeof t === 'number' && t > 0 && t <= 1 ? t : undefined;
}
