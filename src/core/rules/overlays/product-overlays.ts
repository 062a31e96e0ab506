import { isoDate, type IsoDate } from '../../calendar/iso-date.ts';
import type { Citation } from '../../classification/types.ts';
import type { ReviewPolicy } from '../part-742/section-742.6-b10-review-policy.ts';

/**
 * Requirements and conditions imposed outside the ECCN logic: "is informed" letters to named companies,
 * licence conditions announced by the President or reported by the press, and guidance aimed at named products.
 * Data, with dates, scope and source; the engine applies whatever entry matches.
 */
export type OverlayKind = 'is-informed-requirement' | 'license-condition' | 'gp10-guidance';

/** Who the overlay reaches: destinations and/or parties headquartered there. */
export interface OverlayScope {
  /** 'china-hk-macau' = China incl. Hong Kong, and Macau. */
  readonly destinations: readonly ('china-hk-macau' | 'd5' | 'RU')[];
  readonly headquartered: boolean;
  /** Text of the scope as reported. */
  readonly text: string;
}

/** Facts about the item that an overlay's "any IC matching ..." clause tests; absent facts never match. */
export interface ItemFacts {
  readonly id: string;
  readonly vendor?: string;
  readonly memoryBandwidthGBs?: number | null;
  readonly interconnectBandwidthGBs?: number | null;
  /** Designed by a PRC company (e.g. Huawei, Cambricon, Biren). */
  readonly prcDesigned?: boolean;
}

export interface PolicyPeriod {
  readonly from: IsoDate;
  readonly policy: ReviewPolicy;
  readonly note: string;
  readonly citation: Citation;
}

export interface ProductOverlay {
  readonly id: string;
  readonly kind: OverlayKind;
  readonly product: string;
  /** Catalog ids the overlay names; an id matches itself and its SKU variants ("nvidia-a100" covers "nvidia-a100-sxm4-80gb"). */
  readonly itemPrefixes: readonly string[];
  /** The "any IC achieving ..." clause: matches an item at or above either figure. */
  readonly equivalence?: {
    readonly memoryBandwidthGBs: number;
    readonly interconnectBandwidthGBs: number;
    readonly text: string;
    /** Letters bind their addressee: only that vendor's products are caught by the clause. */
    readonly vendor: string;
  };
  readonly prcDesignedAdvanced?: boolean;
  readonly from: IsoDate;
  /** Exclusive; null while in force (or when no end was reported). */
  readonly until: IsoDate | null;
  readonly scope: OverlayScope;
  readonly citation: Citation;
  readonly policies: readonly PolicyPeriod[];
  readonly conditions: readonly string[];
  /** Why this rests on something other than codified text (every overlay has one). */
  readonly enforcement: string;
}

const H20_LETTER: Citation = {
  federalRegister: 'NVIDIA Form 8-K (2025-04-15) reporting a USG letter of 2025-04-09, requirement "indefinite" per 2025-04-14',
  ear: '15 CFR 744.23(b) "is informed" (supercomputer-diversion risk)',
  effective: isoDate('2025-04-09'),
  kind: 'is-informed',
  url: 'https://www.tomshardware.com/tech-industry/artificial-intelligence/nvidia-writes-off-usd5-5-billion-in-gpus-as-us-govt-chokes-off-supply-of-h20s-to-china',
};
const LICENSING_RESUMED: Citation = {
  federalRegister: 'press: NVIDIA statement 2025-07-15; revenue share first reported 2025-08-08/11 (FT); NVIDIA CFO 2025-08-27: not codified',
  ear: 'licence condition outside the EAR text',
  effective: isoDate('2025-08-11'),
  kind: 'press',
};

export const PRODUCT_OVERLAYS: readonly ProductOverlay[] = [
  {
    id: 'is-informed-2022-08-a100-h100',
    kind: 'is-informed-requirement',
    product: 'NVIDIA A100/H100 (and systems); AMD MI250 class',
    itemPrefixes: ['nvidia-a100', 'nvidia-h100', 'amd-mi250', 'amd-mi250x'],
    from: isoDate('2022-08-26'),
    until: isoDate('2022-10-07'),
    scope: { destinations: ['china-hk-macau', 'RU'], headquartered: false, text: 'China (incl. Hong Kong) and Russia' },
    citation: {
      federalRegister: 'NVIDIA Form 8-K 2022-08-31 (accession 0001045810-22-000146); AMD statement',
      ear: '"is informed" letter (superseded by the 2022-10-07 IFR)',
      effective: isoDate('2022-08-26'),
      kind: 'is-informed',
    },
    policies: [{ from: isoDate('2022-08-26'), policy: 'presumption-of-denial', note: 'reported as a licence requirement; review policy not published', citation: { federalRegister: 'NVIDIA 8-K 2022-08-31', ear: 'is-informed', effective: isoDate('2022-08-26'), kind: 'is-informed' } }],
    conditions: [],
    enforcement: 'requirement known from the company 8-K filing, not from published regulation text; Macau is not named in the reports',
  },
  {
    id: 'is-informed-2025-04-h20',
    kind: 'is-informed-requirement',
    product: 'NVIDIA H20 and any IC achieving its memory bandwidth, interconnect bandwidth or both',
    itemPrefixes: ['nvidia-h20'],
    equivalence: { memoryBandwidthGBs: 4000, interconnectBandwidthGBs: 900, text: "H20's memory bandwidth (4.0 TB/s) or interconnect bandwidth (900 GB/s)", vendor: 'NVIDIA' },
    from: isoDate('2025-04-09'),
    until: null,
    scope: { destinations: ['china-hk-macau', 'd5'], headquartered: true, text: 'China (incl. Hong Kong and Macau), D:5, and entities headquartered there or with an ultimate parent there' },
    citation: H20_LETTER,
    policies: [
      { from: isoDate('2025-04-09'), policy: 'presumption-of-denial', note: 'no licences were being granted (NVIDIA took a $4.5 B charge; $2.5 B could not ship)', citation: H20_LETTER },
      { from: isoDate('2025-07-15'), policy: 'case-by-case', note: 'NVIDIA said the USG would grant H20 licences; licensing resumed in August 2025 with a reported 15% revenue share', citation: LICENSING_RESUMED },
    ],
    conditions: [],
    enforcement: 'imposed by an "is informed" letter known from the NVIDIA 8-K and press, not by published regulation; the bandwidth-equivalence clause is paraphrased from the filing',
  },
  {
    id: 'is-informed-2025-04-mi308',
    kind: 'is-informed-requirement',
    product: 'AMD Instinct MI308',
    itemPrefixes: ['amd-mi308', 'amd-mi308x'],
    from: isoDate('2025-04-15'),
    until: null,
    scope: { destinations: ['china-hk-macau', 'd5'], headquartered: true, text: 'China (incl. Hong Kong and Macau), D:5, and entities headquartered there' },
    citation: { ...H20_LETTER, federalRegister: 'AMD disclosure (assessment completed 2025-04-15; up to $800 M charge)', effective: isoDate('2025-04-15') },
    policies: [
      { from: isoDate('2025-04-15'), policy: 'presumption-of-denial', note: 'no licences reported until mid-2025', citation: { ...H20_LETTER, effective: isoDate('2025-04-15') } },
      { from: isoDate('2025-07-15'), policy: 'case-by-case', note: 'licences reported from mid-2025 with a 15% fee', citation: LICENSING_RESUMED },
    ],
    conditions: [],
    enforcement: 'imposed by an "is informed" letter known from AMD disclosures and press (secondary sources), not by published regulation',
  },
  {
    id: 'license-condition-2025-08-revenue-share-15',
    kind: 'license-condition',
    product: 'NVIDIA H20 and AMD MI308 licences for China',
    itemPrefixes: ['nvidia-h20', 'amd-mi308', 'amd-mi308x'],
    from: isoDate('2025-08-11'),
    until: null,
    scope: { destinations: ['china-hk-macau'], headquartered: false, text: 'licences for China' },
    citation: LICENSING_RESUMED,
    policies: [],
    conditions: ['reported licence condition: 15% of China revenue on H20/MI308 remitted to the US Government (not codified in any regulation)'],
    enforcement: 'press-reported arrangement; NVIDIA\'s CFO said in August 2025 that no regulation codifies it',
  },
  {
    id: 'license-condition-2025-12-h200-25',
    kind: 'license-condition',
    product: 'NVIDIA H200 to approved customers in China',
    itemPrefixes: ['nvidia-h200'],
    from: isoDate('2025-12-08'),
    until: null,
    scope: { destinations: ['china-hk-macau'], headquartered: false, text: 'approved customers in China' },
    citation: {
      federalRegister: 'presidential statement 2025-12-08; tariff proclamation 2026-01-14 (25% duty, effective 2026-01-15)',
      ear: 'licence condition outside the EAR text (collected as an import duty because of the US testing requirement)',
      effective: isoDate('2025-12-08'),
      kind: 'press',
    },
    policies: [],
    conditions: [
      'reported 25% of the value to the US, collected as the 25% duty of the 2026-01-14 proclamation on chips imported for US third-party testing',
      'Chinese customs reportedly told agents in January 2026 that the H200 is "not permitted" for import',
    ],
    enforcement: 'presidential statement and press reports; the 25% is not in 91 FR 1684 and is implemented through a tariff proclamation',
  },
  {
    id: 'gp10-guidance-2025-05-prc-advanced-ics',
    kind: 'gp10-guidance',
    product: 'PRC-designed ICs meeting 3A090, expressly Huawei Ascend 910B, 910C and 910D',
    itemPrefixes: ['huawei-ascend-910b', 'huawei-ascend-910c', 'huawei-ascend-910d'],
    prcDesignedAdvanced: true,
    from: isoDate('2025-05-13'),
    until: null,
    scope: { destinations: [], headquartered: false, text: 'anywhere: use, sale, transfer, financing or servicing' },
    citation: {
      federalRegister: 'BIS guidance on PRC advanced-computing ICs, 2025-05-13',
      ear: 'General Prohibition 10, 15 CFR 736.2(b)(10)',
      effective: isoDate('2025-05-13'),
      kind: 'guidance',
    },
    policies: [],
    conditions: ['acquisition solely for technical analysis or evaluation (e.g. destructive testing) will not be pursued'],
    enforcement: 'BIS guidance, not a rule; BIS softened its first press-release wording ("anywhere in the world") but kept the guidance text',
  },
];

export function overlayMatchesItem(o: ProductOverlay, item: ItemFacts): { readonly matches: boolean; readonly named: boolean; readonly via: string } {
  if (o.itemPrefixes.some((p) => item.id === p || item.id.startsWith(`${p}-`))) return { matches: true, named: true, via: 'named product' };
  if (o.equivalence !== undefined && item.vendor?.toUpperCase() === o.equivalence.vendor) {
    const e = o.equivalence;
    const mem = item.memoryBandwidthGBs ?? null;
    const link = item.interconnectBandwidthGBs ?? null;
    if ((mem !== null && mem >= e.memoryBandwidthGBs) || (link !== null && link >= e.interconnectBandwidthGBs)) {
      return { matches: true, named: false, via: `matches ${e.text} (memory ${mem ?? '?'} GB/s, interconnect ${link ?? '?'} GB/s)` };
    }
  }
  if (o.prcDesignedAdvanced === true && item.prcDesigned === true) return { matches: true, named: false, via: 'PRC-designed advanced-computing IC' };
  return { matches: false, named: false, via: '' };
}

export function overlayActive(o: ProductOverlay, date: IsoDate): boolean {
  return date >= o.from && (o.until === null || date < o.until);
}

export function overlayPolicy(o: ProductOverlay, date: IsoDate): PolicyPeriod | null {
  let p: PolicyPeriod | null = null;
  for (const q of o.policies) if (q.from <= date && (p === null || q.from >= p.from)) p = q;
  return p;
}

/**
 * Destination notices that are not US licence requirements but that an officer must see: foreign-government
 * permits and press-reported draft US rules. They add a warning and an enforcement note, never a requirement.
 */
export interface DestinationNotice {
  readonly id: string;
  readonly destinations: readonly string[];
  readonly from: IsoDate;
  readonly basis: 'press' | 'unverified';
  readonly text: string;
}

export const DESTINATION_NOTICES: readonly DestinationNotice[] = [
  {
    id: 'press-2025-07-draft-malaysia-thailand',
    destinations: ['MY', 'TH'],
    from: isoDate('2025-07-04'),
    basis: 'press',
    text: 'press-reported draft US rule (Bloomberg, 2025-07-04) would require licences for AI chips to Malaysia and Thailand; not published as of the sources seen — no requirement applied',
  },
  {
    id: 'foreign-2025-07-malaysia-stp',
    destinations: ['MY'],
    from: isoDate('2025-07-14'),
    basis: 'press',
    text: 'Malaysia (MITI Directive No. 1/2025) requires a Strategic Trade Permit, with 30 days\' notice, to export, transship or transit US-origin high-performance AI chips — a Malaysian requirement on the consignee, not a US licence',
  },
];
