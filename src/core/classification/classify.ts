import type { IsoDate } from '../calendar/iso-date.ts';
import { isoDate } from '../calendar/iso-date.ts';
import { ECCN_3A090_VERSIONS, eccn3a090VersionAt } from '../rules/part-774/eccn-3a090.ts';
import { FR_2022_21658 } from '../rules/part-774/citations.ts';
import { atOnlyRuleAt, ECCN_3A991_P_VERSIONS } from '../rules/part-774/eccn-3a991-p.ts';
import { POLICY_BAND_VERSIONS, policyBandsInForce } from '../rules/part-742/section-742.6-b10-policy-band-2026.ts';
import { UNCERTAIN_BIT_LENGTHS } from '../units/bit-length.ts';
import type { AcceleratorSpec } from './accelerator-spec.ts';
import { describeThreshold, evaluateConjunction, formatQuantity, QUANTITY_LABEL, type ConjunctionOutcome } from './margin.ts';
import { measure, type Measurements } from './measurements.ts';
import type { ClassificationRuleVersion, ControlLevel, ParameterParagraph, Quantity } from './rule-model.ts';
import type {
  AppliedTest,
  ClassificationResult,
  ClassificationStatus,
  LaterChange,
  LicenseException,
  PolicyAttribute,
} from './types.ts';

export interface ClassifyOptions {
  /** The ECCN the item would otherwise have (e.g. "5A992" for a mass-market-encryption GPU): gives ".z". */
  readonly hostEccn?: string;
  /** A computer, electronic assembly or component containing the IC: gives 4A090. */
  readonly isSystem?: boolean;
  /** Overrides the market column for the "designed or marketed for use in datacenters" test. */
  readonly datacenter?: boolean;
}

/** A full classification: every field of the contract is filled. */
export type Classification = ClassificationResult &
  Required<Pick<ClassificationResult, 'status' | 'summary' | 'tppBasis' | 'possibleParagraphs' | 'uncertainties' | 'atOnlyEccn' | 'bindingMargins'>>;

const MISSING: Readonly<Record<Quantity, string>> = {
  tpp: 'dense rates: at least one dense rate (fp64, fp32, tf32, fp16, bf16, fp8, fp6, int8, fp4, int4) needed to compute TPP',
  pd: 'die_area_mm2: die area needed to compute performance density',
  io: 'interconnect_bw_gbs: bidirectional non-memory I/O rate needed for the 2022 test',
  mbd: 'memory_bw_gbs and package_area_mm2: needed to compute memory bandwidth density (3A090.c)',
  dram: 'memory_bw_gbs: total DRAM bandwidth needed for the 2026 policy band',
  tops: 'dense rates: at least one dense rate needed for the TOPS test',
};

/**
 * Classifies an accelerator under the advanced-computing entries of the CCL as of a date.
 * Pure: the date is an argument, the rules are data, and every test applied is returned.
 */
export function classify(spec: AcceleratorSpec, asOf: IsoDate, options: ClassifyOptions = {}): Classification {
  const measurements = measure(spec);
  const now = classifyAt(spec, asOf, options, measurements);
  return { ...now, laterChanges: laterChanges(spec, asOf, options, measurements, now) };
}

/** The classification on one date, without looking ahead. */
export function classifyAt(spec: AcceleratorSpec, asOf: IsoDate, options: ClassifyOptions, measurements: Measurements): Classification {
  const version = eccn3a090VersionAt(asOf);
  const datacenter = options.datacenter ?? spec.market === 'datacenter';
  const { values } = measurements;
  const tppBasis =
    measurements.tpp.binding === null
      ? null
      : (() => {
          const term = measurements.tpp.terms.find((t) => t.precision === measurements.tpp.binding);
          return term === undefined ? null : { precision: term.precision, denseTops: term.denseTops, bitLength: term.bitLength };
        })();
  const base = {
    item: spec.id,
    asOf,
    tpp: values.tpp,
    performanceDensity: values.pd === null ? null : round(values.pd, 4),
    datacenter,
    tppBasis,
    laterChanges: [] as LaterChange[],
  };
  const uncertainties = new Set<string>();
  for (const [field, note] of Object.entries(spec.estimates)) {
    if (field === tppBasis?.precision || field === 'die_area_mm2' || field === 'interconnect_bw_gbs' || field === 'memory_bw_gbs') uncertainties.add(`${field}: ${note}`);
  }
  const bitNote = tppBasis === null ? undefined : UNCERTAIN_BIT_LENGTHS[tppBasis.precision];
  if (bitNote !== undefined) uncertainties.add(bitNote);

  if (version === null) {
    const first = ECCN_3A090_VERSIONS[0];
    const test: AppliedTest = {
      id: '3a090-in-force',
      paragraph: null,
      description: `ECCN 3A090 did not exist on ${asOf}: it was created effective ${first?.effective ?? '2022-10-07'}.`,
      inputs: { asOf },
      threshold: `date >= ${first?.effective ?? '2022-10-07'}`,
      passed: false,
      margin: null,
      citation: FR_2022_21658('ECCN 3A090, 15 CFR Part 774 Supp. No. 1'),
    };
    return {
      ...base,
      ruleVersion: null,
      eccn: null,
      paragraph: null,
      controlLevel: null,
      licenseExceptionsEligible: [],
      policy: [],
      tests: [test],
      insufficientData: [],
      status: 'not-controlled',
      summary: `not 3A090: no advanced-computing ECCN existed before ${first?.effective ?? '2022-10-07'}`,
      possibleParagraphs: [],
      uncertainties: [...uncertainties],
      atOnlyEccn: null,
      bindingMargins: [],
    };
  }

  for (const note of version.uncertain) uncertainties.add(note);
  const tests: AppliedTest[] = [];
  const insufficient = new Set<string>();
  const kind = spec.standalone_memory ? 'memory' : 'logic';
  const paragraphs = version.paragraphs.filter((p) => p.appliesTo === kind);

  const needsDatacenter = version.exclusions.some((e) => e.onlyWhenNotDatacenter);
  if (needsDatacenter && kind === 'logic') {
    const note2 = version.exclusions.find((e) => e.onlyWhenNotDatacenter);
    tests.push({
      id: 'datacenter',
      paragraph: null,
      description: `Designed or marketed for use in datacenters: ${datacenter ? 'yes' : 'no'} (${options.datacenter === undefined ? `from market = ${spec.market}` : 'set by the caller'}).`,
      inputs: { market: spec.market, datacenter },
      threshold: 'designed or marketed for use in datacenters',
      passed: datacenter,
      margin: null,
      citation: note2?.citation ?? version.citation,
    });
  }

  // Exclusions (Note 2) take the item out whatever its parameters.
  let excludedBy: { text: string; margin: string | null } | null = null;
  let exclusionUnknown = false;
  if (kind === 'logic') {
    for (const exclusion of version.exclusions) {
      const applicable = !exclusion.onlyWhenNotDatacenter || !datacenter;
      const outcome = evaluateConjunction(exclusion.conditions, values);
      const met = applicable ? outcome.met : false;
      tests.push({
        id: exclusion.id,
        paragraph: exclusion.paragraph,
        description: exclusion.text,
        inputs: { datacenter, ...inputsFor(exclusion.conditions.map((c) => c.quantity), values) },
        threshold: `${exclusion.onlyWhenNotDatacenter ? 'not designed or marketed for datacenters AND ' : ''}${describeThreshold(exclusion.conditions)}`,
        passed: met,
        margin: applicable ? outcome.margin : 'not applicable: designed or marketed for datacenters',
        citation: exclusion.citation,
      });
      if (met === true && excludedBy === null) excludedBy = { text: exclusion.paragraph, margin: outcome.margin };
      if (met === null) {
        exclusionUnknown = true;
        for (const o of outcome.binding) addMissing(insufficient, o.condition.quantity, values);
      }
    }
  }

  const evaluated = paragraphs.map((p) => ({ paragraph: p, outcome: evaluateConjunction(p.conditions, values) }));
  for (const { paragraph, outcome } of evaluated) {
    tests.push({
      id: paragraph.paragraph.toLowerCase(),
      paragraph: paragraph.paragraph,
      description: paragraph.text,
      inputs: paragraphInputs(paragraph, values, spec, measurements),
      threshold: describeThreshold(paragraph.conditions),
      passed: outcome.met,
      margin: outcome.margin,
      citation: paragraph.citation,
    });
  }
  if (paragraphs.length === 0) {
    tests.push({
      id: `${kind}-paragraphs`,
      paragraph: null,
      description:
        kind === 'memory'
          ? `No 3A090 paragraph covered standalone memory on ${asOf}; 3A090.c (HBM) applies from 2024-12-02.`
          : `No 3A090 paragraph covered logic ICs on ${asOf}.`,
      inputs: { standalone_memory: spec.standalone_memory },
      threshold: kind === 'memory' ? 'date >= 2024-12-02' : 'n/a',
      passed: false,
      margin: null,
      citation: version.citation,
    });
  }

  // The highest level with a met paragraph wins; a level that cannot be evaluated blocks lower ones.
  let matched: { paragraph: ParameterParagraph; outcome: ConjunctionOutcome } | null = null;
  const possible: string[] = [];
  let undetermined = false;
  if (excludedBy === null) {
    const levels = [...new Set(evaluated.map((e) => e.paragraph.level))];
    for (const level of levels) {
      const atLevel = evaluated.filter((e) => e.paragraph.level === level);
      const hit = atLevel.find((e) => e.outcome.met === true);
      if (hit !== undefined && !undetermined) {
        matched = hit;
        break;
      }
      if (hit !== undefined) {
        possible.push(hit.paragraph.paragraph);
        break;
      }
      const open = atLevel.filter((e) => e.outcome.met === null);
      if (open.length > 0) {
        undetermined = true;
        possible.push(...open.map((e) => e.paragraph.paragraph));
        for (const e of open) for (const o of e.outcome.binding) addMissing(insufficient, o.condition.quantity, values);
      }
    }
    if (exclusionUnknown) undetermined = true;
  }

  let status: ClassificationStatus;
  let eccn: string | null = null;
  let paragraph: string | null = null;
  let controlLevel: ControlLevel | null = null;
  let summary: string;
  let bindingMargins: string[] = [];
  if (excludedBy !== null) {
    status = 'not-controlled';
    bindingMargins = excludedBy.margin === null ? [] : [`${excludedBy.text}: ${excludedBy.margin}`];
    summary = `not 3A090: ${excludedBy.text} (not designed or marketed for datacenters; ${excludedBy.margin ?? ''})`;
  } else if (undetermined) {
    status = 'undetermined';
    matched = null;
    const missing = [...insufficient].map((m) => m.split(':')[0]).join(', ');
    summary = `undetermined: ${missing} needed (could be ${possible.join(', ')}${possible.length > 0 ? ' or ' : ''}not 3A090)`;
  } else if (matched !== null) {
    status = 'controlled';
    controlLevel = matched.paragraph.level;
    eccn = matched.paragraph.eccn;
    paragraph = matched.paragraph.paragraph;
    summary = `${paragraph}: ${matched.outcome.margin ?? 'met'}`;
    bindingMargins = matched.outcome.margin === null ? [] : [`${paragraph}: ${matched.outcome.margin}`];
  } else {
    status = 'not-controlled';
    // The binding lines are those of the lowest level: the first the item would cross (H20: .b.1 and .b.2).
    const lowest = evaluated.at(-1)?.paragraph.level;
    bindingMargins = evaluated.filter((e) => e.paragraph.level === lowest).map((e) => `${e.paragraph.paragraph}: ${e.outcome.margin ?? 'not met'}`);
    const others = evaluated.filter((e) => e.paragraph.level !== lowest).map((e) => `${shortName(e.paragraph.paragraph)}: ${e.outcome.margin ?? 'not met'}`);
    summary = `not 3A090${version.id.includes('2022') ? ' (2022 rule)' : ''}: ${bindingMargins.map(shortName).join('; ')}${others.length > 0 ? ` (also ${others.join('; ')})` : ''}`;
  }

  // Where the item lands: 4A090 for systems, the ".z" paragraph of its host ECCN, else 3A090.
  if (status === 'controlled' && controlLevel !== null) {
    if (options.isSystem === true) {
      const system = version.systems.byLevel[controlLevel];
      tests.push({
        id: '4a090-system',
        paragraph: system?.paragraph ?? null,
        description: system === undefined ? `4A090 does not cover systems whose only advanced item meets 3A090.${controlLevel}.` : `A computer, electronic assembly or component containing an IC that meets ${paragraph ?? ''}.`,
        inputs: { isSystem: true, icParagraph: paragraph },
        threshold: 'contains an IC meeting 3A090.a or 3A090.b',
        passed: system !== undefined,
        margin: null,
        citation: version.systems.citation,
      });
      if (version.systems.uncertain !== null) uncertainties.add(version.systems.uncertain);
      eccn = system?.eccn ?? null;
      paragraph = system?.paragraph ?? null;
      if (system === undefined) {
        status = 'not-controlled';
        summary = `not 4A090: a system containing only a 3A090.${controlLevel} item is not in 4A090`;
      } else summary = `${system.paragraph} (contains an IC meeting ${summary})`;
    }
    const host = options.hostEccn?.trim().toUpperCase();
    if (host !== undefined && host !== '' && status === 'controlled') {
      const z = version.zParagraphs;
      const isHost = z !== null && z.hosts.includes(host) && !z.excludedLevels.includes(controlLevel);
      tests.push({
        id: 'z-host',
        paragraph: isHost ? `${host}.z` : null,
        description: isHost
          ? `Otherwise classified in ${host}; meeting the 3A090/4A090 parameters moves it to ${host}.z with the same advanced-computing treatment.`
          : `${host} has no .z paragraph for this item on ${asOf}; the advanced-computing ECCN applies.`,
        inputs: { hostEccn: host, level: controlLevel },
        threshold: `host ECCN in ${(z?.hosts ?? []).join(', ')}`,
        passed: isHost,
        margin: null,
        citation: z?.citation ?? version.citation,
      });
      if (isHost && z !== null) {
        if (z.uncertain !== null) uncertainties.add(z.uncertain);
        eccn = `${host}.z`;
        paragraph = z.subParagraphs[host]?.[controlLevel] ?? `${host}.z`;
        summary = `${paragraph} (meets ${matched?.paragraph.paragraph ?? ''} parameters; ${matched?.outcome.margin ?? ''})`;
      }
    }
  }

  // Outside the advanced-computing entries: the AT-only entry, unless another ECCN (the host) applies.
  let atOnlyEccn: string | null = null;
  const atOnly = atOnlyRuleAt(asOf);
  const host = options.hostEccn?.trim();
  if (status === 'not-controlled' && kind === 'logic' && atOnly !== null && (host === undefined || host === '')) {
    const outcomes = atOnly.anyOf.map((c) => evaluateConjunction([c], values));
    const met = outcomes.some((o) => o.met === true) ? true : outcomes.some((o) => o.met === null) ? null : false;
    const eccnHere = options.isSystem === true ? atOnly.systemEccn : atOnly.eccn;
    tests.push({
      id: atOnly.id.split('-')[0] ?? atOnly.id,
      paragraph: eccnHere,
      description: atOnly.text,
      inputs: { ...inputsFor(atOnly.anyOf.map((c) => c.quantity), values), isSystem: options.isSystem === true },
      threshold: atOnly.anyOf.map((c) => describeThreshold([c])).join(' OR '),
      passed: met,
      margin: outcomes.map((o) => o.margin).filter((m) => m !== null).join('; ') || null,
      citation: atOnly.citation,
    });
    if (atOnly.uncertain !== null) uncertainties.add(atOnly.uncertain);
    if (met === true) {
      atOnlyEccn = eccnHere;
      summary = `${summary}. AT-only entry: ${eccnHere}`;
    }
  }

  const licenseExceptionsEligible: LicenseException[] = [];
  if (status === 'controlled' && controlLevel !== null) {
    for (const rule of version.licenseExceptions) {
      if (!rule.levels.includes(controlLevel)) continue;
      const dcOk = rule.datacenter === null || rule.datacenter === datacenter;
      const outcome = evaluateConjunction(rule.conditions, values);
      const eligible = dcOk && outcome.met === true;
      tests.push({
        id: `le-${rule.exception.toLowerCase()}`,
        paragraph: rule.citation.ear,
        description: `License Exception ${rule.exception}: ${rule.datacenter === null ? '' : rule.datacenter ? 'datacenter items only; ' : 'only items not designed or marketed for datacenters; '}${rule.conditions.length > 0 ? describeThreshold(rule.conditions) : 'no further parameter'}.`,
        inputs: { level: controlLevel, datacenter, ...inputsFor(rule.conditions.map((c) => c.quantity), values) },
        threshold: `${rule.datacenter === null ? '' : rule.datacenter ? 'datacenter' : 'not datacenter'}${rule.conditions.length > 0 ? ` AND ${describeThreshold(rule.conditions)}` : ''}`,
        passed: eligible,
        margin: dcOk ? outcome.margin : `not eligible: ${datacenter ? 'designed or marketed for datacenters' : 'not a datacenter item'}`,
        citation: rule.citation,
      });
      if (eligible && !licenseExceptionsEligible.includes(rule.exception)) licenseExceptionsEligible.push(rule.exception);
    }
  }

  const policy: PolicyAttribute[] = policyBandsInForce(asOf).map((band) => {
    const inScope = status === 'controlled' && controlLevel !== null && band.levels.includes(controlLevel);
    const outcome = evaluateConjunction(band.conditions, values);
    const applies = inScope ? outcome.met : status === 'undetermined' ? null : false;
    if (band.uncertain !== null) uncertainties.add(band.uncertain);
    const figures = outcome.met === null ? `cannot be evaluated (${outcome.margin ?? ''})` : outcome.outcomes.map((o) => describeCondition(o.condition.quantity, o.value, o.condition.value, o.met)).join('; ');
    const verdict = applies === true ? 'Within the band' : applies === null ? 'Band undetermined' : inScope ? 'Outside the band' : 'Not an advanced-computing commodity in scope, so the band does not apply';
    // The figures are reported even out of scope: product overlays (e.g. is-informed letters) may borrow the band.
    return { id: band.id, description: `${band.description} ${verdict}: ${figures}.`, applies, withinBand: outcome.met, citation: band.citation };
  });

  return {
    ...base,
    ruleVersion: { id: version.id, effective: version.effective, citation: version.citation },
    eccn,
    paragraph,
    controlLevel,
    licenseExceptionsEligible,
    policy,
    tests,
    insufficientData: [...insufficient],
    status,
    summary,
    possibleParagraphs: status === 'undetermined' ? possible : [],
    uncertainties: [...uncertainties],
    atOnlyEccn,
    bindingMargins,
  };
}

/** Dated rules after `asOf` that would change the answer, each judged on its effective date. */
function laterChanges(spec: AcceleratorSpec, asOf: IsoDate, options: ClassifyOptions, measurements: Measurements, now: Classification): LaterChange[] {
  const dates = [
    ...ECCN_3A090_VERSIONS.map((v) => ({ effective: v.effective, ruleId: v.id, title: v.title })),
    ...POLICY_BAND_VERSIONS.map((b) => ({ effective: b.effective, ruleId: b.id, title: 'Licence review policy band (§ 742.6(b)(10))' })),
    ...ECCN_3A991_P_VERSIONS.map((v) => ({ effective: v.effective, ruleId: v.id, title: `AT-only ${v.eccn} / ${v.systemEccn}` })),
  ]
    .filter((d, i, all) => d.effective > asOf && all.findIndex((o) => o.effective === d.effective) === i)
    .sort((a, b) => a.effective.localeCompare(b.effective));
  const changes: LaterChange[] = [];
  let previous = now;
  for (const date of dates) {
    const next = classifyAt(spec, isoDate(date.effective), options, measurements);
    const diffs: string[] = [];
    if (next.eccn !== previous.eccn || next.paragraph !== previous.paragraph || next.status !== previous.status || next.atOnlyEccn !== previous.atOnlyEccn) {
      diffs.push(`${describeOutcome(next)} (was ${describeOutcome(previous)})`);
    }
    const le = (r: Classification) => (r.licenseExceptionsEligible.length === 0 ? 'none' : r.licenseExceptionsEligible.join(', '));
    if (le(next) !== le(previous)) diffs.push(`licence exceptions ${le(previous)} → ${le(next)}`);
    const applying = (r: Classification) => r.policy.filter((p) => p.applies === true).map((p) => p.id).join(', ');
    if (applying(next) !== applying(previous) && applying(next) !== '') diffs.push(`policy attribute ${applying(next)} applies`);
    if (diffs.length > 0) {
      changes.push({ effective: date.effective, ruleId: date.ruleId, eccn: next.eccn, paragraph: next.paragraph, summary: `${date.title}: ${diffs.join('; ')}` });
    }
    previous = next;
  }
  return changes;
}

function describeOutcome(r: Classification): string {
  if (r.status === 'undetermined') return 'undetermined';
  return r.paragraph ?? r.eccn ?? (r.atOnlyEccn === null ? 'not 3A090' : `not 3A090, ${r.atOnlyEccn}`);
}

function describeCondition(quantity: Quantity, value: number | null, threshold: number, met: boolean | null): string {
  if (value === null) return `${QUANTITY_LABEL[quantity]} unknown`;
  return `${QUANTITY_LABEL[quantity]} ${formatQuantity(quantity, value)} ${met === true ? 'is below' : 'is not below'} ${formatQuantity(quantity, threshold)}`;
}

/** Names the datum to supply; a PD is only "missing a die area" when the TPP itself is known. */
function addMissing(into: Set<string>, quantity: Quantity, values: Readonly<Record<Quantity, number | null>>): void {
  into.add(MISSING[quantity === 'pd' && values.tpp === null ? 'tpp' : quantity]);
}

function inputsFor(quantities: readonly Quantity[], values: Readonly<Record<Quantity, number | null>>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const q of new Set(quantities)) out[q] = values[q] === null ? null : round(values[q], 4);
  return out;
}

function paragraphInputs(paragraph: ParameterParagraph, values: Readonly<Record<Quantity, number | null>>, spec: AcceleratorSpec, m: Measurements): Record<string, number | string | boolean | null> {
  const quantities = paragraph.conditions.map((c) => c.quantity);
  const inputs: Record<string, number | string | boolean | null> = inputsFor(quantities, values);
  if (quantities.includes('pd')) inputs['die_area_mm2'] = spec.die_area_mm2;
  if (quantities.includes('io')) inputs['io_basis'] = m.ioBasis;
  if (quantities.includes('mbd')) {
    inputs['memory_bw_gbs'] = spec.memory_bw_gbs;
    inputs['package_area_mm2'] = spec.package_area_mm2;
  }
  return inputs;
}

function shortName(paragraph: string): string {
  return paragraph.replace(/^3A090\./, '');
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export type { ClassificationRuleVersion };
