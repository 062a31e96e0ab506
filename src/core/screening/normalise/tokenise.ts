/**
 * Splitting folded ASCII text into word tokens. Dots and hyphens separate ("S.A." → s a,
 * "Al-Assad" → al assad); joined/split matching in the scorer puts them back together when
 * the other side writes them as one word. A possessive "'s" is dropped, other apostrophes glue.
 */

const CSL_TAIL = /\b(and|or)\s+(any|all)\s+(successor|subsidiar|sub-unit|affiliate)[^;]*$/i;

/** Drop list boilerplate such as "… and any successor, sub-unit, or subsidiary thereof". */
export function stripListBoilerplate(name: string): string {
  return name.replace(CSL_TAIL, '').trim();
}

export function tokenise(ascii: string): string[] {
  const text = ascii
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/'s\b/g, '')
    .replace(/['"]/g, '')
    .replace(/[^a-z0-9]+/g, ' ');
  return mergeInitials(text.split(' ').filter((t) => t !== ''));
}

/** Runs of single letters ("a b c" from "A.B.C.", "g m b h" from "G.m.b.H.") become one token. */
function mergeInitials(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const t of tokens) {
    if (t.length === 1 && /[a-z]/.test(t)) {
      run += t;
      continue;
    }
    if (run !== '') out.push(run);
    run = '';
    out.push(t);
  }
  if (run !== '') out.push(run);
  return out;
}
