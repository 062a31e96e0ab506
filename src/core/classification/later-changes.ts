import { isoDate, type IsoDate } from '../calendar/iso-date.ts';
import { POLICY_BAND_VERSIONS } from '../rules/part-742/section-742.6-b10-policy-band-2026.ts';
import { ECCN_3A090_VERSIONS } from '../rules/part-774/eccn-3a090.ts';
import { FOUNDRY_PRESUMPTION_VERSIONS } from '../rules/part-774/eccn-3a090-note-1-foundry-presumption.ts';
import { ECCN_3A991_P_VERSIONS } from '../rules/part-774/eccn-3a991-p.ts';
import type { ClassificationResult, LaterChange } from './types.ts';

type Dated = Pick<ClassificationResult, 'eccn' | 'paragraph' | 'status' | 'atOnlyEccn' | 'licenseExceptionsEligible' | 'policy'>;

/**
 * Dated rules after `asOf` that would change the answer, each judged on its effective date by
 * `classifyOn` (the one-date classification). Every rule list with dates is consulted, so a new
 * version in the data shows up here with no code change.
 */
export function laterChanges(asOf: IsoDate, now: Dated, classifyOn: (date: IsoDate) => Dated): LaterChange[] {
  const dates = [
    ...ECCN_3A090_VERSIONS.map((v) => ({ effective: v.effective, ruleId: v.id, title: v.title })),
    ...POLICY_BAND_VERSIONS.map((b) => ({ effective: b.effective, ruleId: b.id, title: 'Licence review policy band (§ 742.6(b)(10))' })),
    ...ECCN_3A991_P_VERSIONS.map((v) => ({ effective: v.effective, ruleId: v.id, title: `AT-only ${v.eccn} / ${v.systemEccn}` })),
    ...FOUNDRY_PRESUMPTION_VERSIONS.map((v) => ({ effective: v.effective, ruleId: v.id, title: 'Note 1 to 3A090.a (fabricator/OSAT presumption)' })),
  ]
    .filter((d, i, all) => d.effective > asOf && all.findIndex((o) => o.effective === d.effective) === i)
    .sort((a, b) => a.effective.localeCompare(b.effective));
  const changes: LaterChange[] = [];
  let previous = now;
  for (const date of dates) {
    const next = classifyOn(isoDate(date.effective));
    const diffs: string[] = [];
    if (next.eccn !== previous.eccn || next.paragraph !== previous.paragraph || next.status !== previous.status || next.atOnlyEccn !== previous.atOnlyEccn) {
      diffs.push(`${describeOutcome(next)} (was ${describeOutcome(previous)})`);
    }
    if (exceptions(next) !== exceptions(previous)) diffs.push(`licence exceptions ${exceptions(previous)} → ${exceptions(next)}`);
    if (applying(next) !== applying(previous) && applying(next) !== '') diffs.push(`policy attribute ${applying(next)} applies`);
    if (diffs.length > 0) {
      changes.push({ effective: date.effective, ruleId: date.ruleId, eccn: next.eccn, paragraph: next.paragraph, summary: `${date.title}: ${diffs.join('; ')}` });
    }
    previous = next;
  }
  return changes;
}

const exceptions = (r: Dated) => (r.licenseExceptionsEligible.length === 0 ? 'none' : r.licenseExceptionsEligible.join(', '));
const applying = (r: Dated) =>
  r.policy
    .filter((p) => p.applies === true)
    .map((p) => p.id)
    .join(', ');

function describeOutcome(r: Dated): string {
  if (r.status === 'undetermined') return 'undetermined';
  return r.paragraph ?? r.eccn ?? (r.atOnlyEccn === null || r.atOnlyEccn === undefined ? 'not 3A090' : `not 3A090, ${r.atOnlyEccn}`);
}
