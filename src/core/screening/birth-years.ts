/**
 * Years of birth, the secondary identifier that settles most person alerts. OFAC writes them in
 * an entry's remarks ("DOB 10 Dec 1948; DOB circa 1950; DOB 1960 to 1962;"), the CSL in its
 * dates_of_birth column ("1948-12-10; 1949"). Only the year is kept: the lists often give no more.
 */

const EARLIEST = 1880;
const LATEST = 2030;
/** A range wider than this is no identification ("DOB 1940 to 1990" would clear nobody). */
const MAX_RANGE = 10;
const YEAR = /\b(1[89]\d\d|20[0-3]\d)\b/g;

/** Years named in a dates-of-birth text, ranges ("1960 to 1962") expanded. */
export function birthYearsIn(text: string): number[] {
  const years = new Set<number>();
  for (const part of text.split(/;|\band\b/)) {
    const found = [...part.matchAll(YEAR)].map((m) => Number(m[1])).filter((y) => y >= EARLIEST && y <= LATEST);
    const [from, to] = found;
    const range = found.length === 2 && from !== undefined && to !== undefined && /\bto\b|\d{4}\s*[-–]\s*\d{4}/.test(part) && to > from;
    if (!range) for (const y of found) years.add(y);
    else if (to - from <= MAX_RANGE) for (let y = from; y <= to; y += 1) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

/** Years of birth in OFAC remarks: every "DOB …" clause. */
export function birthYearsInRemarks(remarks: string): number[] {
  const clauses = [...remarks.matchAll(/\bDOB\s+([^;]+)/gi)].map((m) => m[1] ?? '');
  return birthYearsIn(clauses.join('; '));
}

/** A year of birth from a query: "1971" or an ISO date "1971-03-02". */
export function birthYearOf(text: string): number | undefined {
  const m = /^\s*(\d{4})(?:-\d{2}(?:-\d{2})?)?\s*$/.exec(text);
  const year = m === null ? Number.NaN : Number(m[1]);
  return Number.isInteger(year) && year >= EARLIEST && year <= LATEST ? year : undefined;
}
