import type { CountryCode } from '../../core/countries/country.ts';
import type { OrderLine, PartyScreening } from '../../core/determination/types.ts';
import type { Screener, ScreeningMatch } from '../../core/screening/types.ts';

/**
 * Screens every party on a line (end user, consignee) with the loaded screener. Books repeat the same parties
 * thousands of times, so results are memoised per (name, country), with a bound on the memo.
 */
/** Pass-through columns that name further parties to the transaction; screened too, without a country. */
export const OTHER_PARTY_COLUMNS = ['purchaser', 'intermediate_consignee', 'ultimate_consignee', 'forwarder', 'freight_forwarder', 'distributor', 'reseller'] as const;

export class LineScreener {
  private readonly memo = new Map<string, readonly ScreeningMatch[]>();
  constructor(
    private readonly screener: Screener,
    private readonly listsAsOf: string,
    private readonly maxEntries = 100_000,
  ) {}

  screenLine(line: OrderLine): PartyScreening[] {
    const parties: PartyScreening[] = [this.party('end_user', line.endUser, line.endUserCountry)];
    if (line.consignee !== null && line.consignee !== line.endUser) parties.push(this.party('consignee', line.consignee, line.shipToCountry));
    for (const column of OTHER_PARTY_COLUMNS) {
      const name = line.extra[column]?.trim();
      if (name !== undefined && name !== '') parties.push(this.party('other', name, null));
    }
    return parties;
  }

  private party(role: PartyScreening['role'], name: string, country: CountryCode | null): PartyScreening {
    const key = `${name.toLowerCase()}|${country ?? ''}`;
    let matches = this.memo.get(key);
    if (matches === undefined) {
      matches = this.screener.screen(country === null ? { name } : { name, country });
      if (this.memo.size >= this.maxEntries) this.memo.clear();
      this.memo.set(key, matches);
    }
    return { role, name, country, hits: matches.map((match) => ({ match, review: 'unreviewed' as const })), listsAsOf: this.listsAsOf };
  }
}
