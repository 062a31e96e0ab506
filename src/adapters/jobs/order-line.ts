import type { IsoDate } from '../../core/calendar/iso-date.ts';
import type { ClassificationCache } from '../../core/determination/classification-context.ts';
import { determine } from '../../core/determination/determine.ts';
import type { Determination, HitReview, OrderLine, PartyRole, PartyScreening, Regime } from '../../core/determination/types.ts';
import type { CountryCode } from '../../core/countries/country.ts';
import type { ListCode, Screener, ScreeningMatch, ScreeningQuery } from '../../core/screening/types.ts';

/** A party of an order line as screened: who, in which role, and what the lists returned. */
export interface ScreenedParty {
  readonly role: PartyRole;
  readonly country: CountryCode;
  readonly query: ScreeningQuery;
  readonly matches: readonly ScreeningMatch[];
}

/** The end user (in the end user's country) and the consignee (in the ship-to country), when named. */
export function screenLineParties(line: OrderLine, screener: Screener): ScreenedParty[] {
  const parties: { role: PartyRole; country: CountryCode; name: string }[] = [{ role: 'end_user', country: line.endUserCountry, name: line.endUser }];
  if (line.consignee !== null) parties.push({ role: 'consignee', country: line.shipToCountry, name: line.consignee });
  return parties.map((p) => {
    const query: ScreeningQuery = { name: p.name, country: p.country };
    return { role: p.role, country: p.country, query, matches: screener.screen(query) };
  });
}

/** A reviewer's standing decision on one hit, as recorded with the determination. */
export interface RecordedReview {
  readonly role: PartyRole;
  readonly list: ListCode;
  readonly sourceId: string;
  readonly review: HitReview;
}

export function partyScreenings(parties: readonly ScreenedParty[], reviews: readonly RecordedReview[], listsAsOf?: string): PartyScreening[] {
  return parties.map((p) => ({
    role: p.role,
    name: p.query.name,
    country: p.country,
    hits: p.matches.map((match) => ({
      match,
      review: reviews.find((r) => r.role === p.role && r.list === match.list && r.sourceId === match.sourceId)?.review ?? 'unreviewed',
    })),
    ...(listsAsOf === undefined ? {} : { listsAsOf }),
  }));
}

export interface LineDecisionInput {
  readonly line: OrderLine;
  /** Decide as of this date instead of the order date. */
  readonly asOf: IsoDate | null;
  readonly regime: Regime;
  /** null when no list was loaded (the determination then warns that parties were not screened). */
  readonly screening: readonly PartyScreening[] | null;
}

/** One order line through classification and the determination engine; pure given the cache. */
export function decideLine(input: LineDecisionInput, classifications: ClassificationCache): Determination {
  const asOf = input.asOf ?? input.line.orderDate;
  const item = classifications.get(input.line.item, asOf);
  return determine(input.line, {
    classification: item.classification,
    item: item.item,
    screening: input.screening,
    regime: input.regime,
    ...(input.asOf === null ? {} : { asOf: input.asOf }),
  });
}
