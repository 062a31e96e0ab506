import type { CountryCode } from '../../core/countries/country.ts';
import type { OrderLine, PartyScreening } from '../../core/determination/types.ts';
import type { Screener, ScreeningMatch } from '../../core/screening/types.ts';

/**
 * Screens every party on a line (end user, consignee) with the loaded screener. Books repeat the same parties
 * thousands of times, so results are memoised per (name, country), with a bound on the memo.
 */
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
    return parties;
  }

  private party(role: PartyScreening['role'], name: string, country: CountryCode): PartyScreening {
    const key = `${name.toLowerCase()}|${country}`;
    let matches = this.memo.get(key);
    if (matches === undefined) {
      matches = this.screener.screen({ name, country });
      if (this.memo.size >= this.maxEntries) this.memo.clear();
      this.memo.set(key, matches);
    }
    return { role, name, country, hits: matches.map((match) => ({ match, review: 'unreviewed' as const })), listsAsOf: this.listsAsOf };
  }
}
