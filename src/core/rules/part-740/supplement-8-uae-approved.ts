import { isoDate, type IsoDate } from '../../calendar/iso-date.ts';
import type { Citation } from '../../classification/types.ts';

/**
 * Supp. No. 8 to Part 740: UAE consignees and end users approved to receive advanced-computing items without a
 * licence (91 FR 43038, July 2026). Names are matched as whole words in the party name; a match is reported with
 * a warning to confirm the entity, never silently.
 */
export interface ApprovedUaeEntity {
  readonly key: string;
  readonly names: readonly string[];
  readonly from: IsoDate;
  readonly until: IsoDate | null;
  readonly note: string;
}

export const SUPP_8_CITATION: Citation = {
  federalRegister: '91 FR 43038 (2026-07-10 and 2026-07-14)',
  ear: '15 CFR Part 740 Supp. No. 8; 742.6(a)(6)(iii)(B)',
  effective: isoDate('2026-07-10'),
  kind: 'final-rule',
};

export const SUPP_8_ENTITIES: readonly ApprovedUaeEntity[] = [
  { key: 'uae-government', names: ['uae government', 'uae ministry of defence', 'uae armed forces', 'government of the united arab emirates'], from: isoDate('2026-07-10'), until: null, note: 'UAE government agencies (not state-owned corporations or contractors)' },
  { key: 'g42', names: ['g42', 'g42 cloud'], from: isoDate('2026-07-10'), until: isoDate('2027-04-06'), note: 'advanced-computing items only; expires 2027-04-06 absent BIS notice' },
  { key: 'core42', names: ['core42'], from: isoDate('2026-07-10'), until: isoDate('2027-04-06'), note: 'advanced-computing items only; expires 2027-04-06 absent BIS notice' },
  ...(['amazon', 'apple', 'google', 'meta', 'microsoft', 'openai', 'oracle', 'x.ai', 'xai'] as const).map((n) => ({
    key: n,
    names: [n],
    from: isoDate('2026-07-14'),
    until: null,
    note: 'with subsidiaries; advanced-computing items and STA',
  })),
];

function normalise(name: string): string {
  return ` ${name.toLowerCase().replace(/[^a-z0-9.]+/g, ' ').trim()} `;
}

export function approvedUaeEntity(partyName: string, date: IsoDate): ApprovedUaeEntity | null {
  const n = normalise(partyName);
  return (
    SUPP_8_ENTITIES.find((e) => date >= e.from && (e.until === null || date < e.until) && e.names.some((k) => n.includes(normalise(k)))) ?? null
  );
}
