import type { IsoDate } from '../calendar/iso-date.ts';
import { FR_2022_21658 } from '../rules/part-774/citations.ts';
import { ECCN_3A090_VERSIONS, eccn3a090VersionAt } from '../rules/part-774/eccn-3a090.ts';
import { UNCERTAIN_BIT_LENGTHS } from '../units/bit-length.ts';
import type { AcceleratorSpec } from './accelerator-spec.ts';
import { atOnlyEntry } from './at-only.ts';
import type { ClassifyOptions, EvaluationContext } from './evaluation-context.ts';
import { laterChanges } from './later-changes.ts';
import { foundryPresumption, presumedOutcome } from './foundry-presumption.ts';
import { eligibleExceptions } from './license-exceptions.ts';
import { measure, type Measurements } from './measurements.ts';
import { evaluateParameters } from './parameter-outcome.ts';
import { placeItem } from './placement.ts';
import { policyAttributes } from './policy-attributes.ts';
import { round } from './test-inputs.ts';
import type { ClassificationResult, Precision } from './types.ts';

export type { ClassifyOptions } from './evaluation-context.ts';

/** A full classification: every field of the contract is filled. */
export type Classification = ClassificationResult &
  Required<Pick<ClassificationResult, 'status' | 'summary' | 'tppBasis' | 'possibleParagraphs' | 'uncertainties' | 'atOnlyEccn' | 'bindingMargins'>>;

/**
 * Classifies an accelerator under the advanced-computing entries of the CCL as of a date.
 * Pure: the date is an argument, the rules are data, and every test applied is returned.
 */
export function classify(spec: AcceleratorSpec, asOf: IsoDate, options: ClassifyOptions = {}): Classification {
  const measurements = measure(spec);
  const now = classifyAt(spec, asOf, options, measurements);
  return { ...now, laterChanges: laterChanges(asOf, now, (date) => classifyAt(spec, date, options, measurements)) };
}

/** The classification on one date, without looking ahead (`laterChanges` is empty). */
export function classifyAt(spec: AcceleratorSpec, asOf: IsoDate, options: ClassifyOptions, measurements: Measurements): Classification {
  const version = eccn3a090VersionAt(asOf);
  const presumption = foundryPresumption(spec, asOf, options);
  // A standing Note 1 presumption also presumes "designed for datacenters".
  const datacenter = presumption?.stands === true ? true : (options.datacenter ?? spec.market === 'datacenter');
  const { values } = measurements;
  const term = measurements.tpp.terms.find((t) => t.precision === measurements.tpp.binding);
  const tppBasis = term === undefined ? null : { precision: term.precision, denseTops: term.denseTops, bitLength: term.bitLength };
  const uncertainties = new Set<string>(inputUncertainties(spec, tppBasis?.precision ?? null));
  const base = {
    item: spec.id,
    asOf,
    tpp: values.tpp,
    performanceDensity: values.pd === null ? null : round(values.pd, 4),
    datacenter,
    tppBasis,
    laterChanges: [],
  };

  if (version === null) {
    const created = ECCN_3A090_VERSIONS[0]?.effective ?? '2022-10-07';
    return {
      ...base,
      ruleVersion: null,
      eccn: null,
      paragraph: null,
      controlLevel: null,
      licenseExceptionsEligible: [],
      policy: [],
      tests: [
        {
          id: '3a090-in-force',
          paragraph: null,
          description: `ECCN 3A090 did not exist on ${asOf}: it was created effective ${created}.`,
          inputs: { asOf },
          threshold: `date >= ${created}`,
          passed: false,
          margin: null,
          citation: FR_2022_21658('ECCN 3A090, 15 CFR Part 774 Supp. No. 1'),
        },
      ],
      insufficientData: [],
      status: 'not-controlled',
      summary: `not 3A090: no advanced-computing ECCN existed before ${created}`,
      possibleParagraphs: [],
      uncertainties: [...uncertainties],
      atOnlyEccn: null,
      bindingMargins: [],
    };
  }

  for (const note of version.uncertain) uncertainties.add(note);
  for (const note of presumption?.uncertain ?? []) uncertainties.add(note);
  const ctx: EvaluationContext = {
    spec,
    asOf,
    options,
    version,
    datacenter,
    kind: spec.standalone_memory ? 'memory' : 'logic',
    measurements,
    values,
    tests: presumption === null ? [] : [presumption.test],
    insufficient: new Set<string>(),
    uncertainties,
  };
  const byParameters = evaluateParameters(ctx);
  const presumed = presumption?.stands === true && byParameters.controlLevel !== 'a';
  // The presumption decides even where the parameters cannot be confirmed: nothing is then missing.
  if (presumed) ctx.insufficient.clear();
  const outcome = presumed && presumption !== null ? presumedOutcome(presumption) : byParameters;
  const placement = placeItem(ctx, outcome);
  const controlled = placement.status === 'controlled' && outcome.controlLevel !== null;
  const atOnlyEccn = placement.status === 'not-controlled' ? atOnlyEntry(ctx) : null;
  const licenseExceptionsEligible = controlled && outcome.controlLevel !== null ? eligibleExceptions(ctx, outcome.controlLevel) : [];
  const policy = policyAttributes(ctx, placement.status, outcome.controlLevel);

  return {
    ...base,
    ruleVersion: { id: version.id, effective: version.effective, citation: version.citation },
    eccn: placement.eccn,
    paragraph: placement.paragraph,
    controlLevel: outcome.controlLevel,
    licenseExceptionsEligible,
    policy,
    tests: ctx.tests,
    insufficientData: [...ctx.insufficient],
    status: placement.status,
    summary: atOnlyEccn === null ? placement.summary : `${placement.summary}. AT-only entry: ${atOnlyEccn}`,
    possibleParagraphs: [...outcome.possible],
    uncertainties: [...uncertainties],
    atOnlyEccn,
    bindingMargins: [...outcome.bindingMargins],
  };
}

/** Estimated inputs and uncertain bit lengths that the answer rests on. */
function inputUncertainties(spec: AcceleratorSpec, bindingPrecision: Precision | null): string[] {
  const notes: string[] = [];
  for (const [field, note] of Object.entries(spec.estimates)) {
    if (field === bindingPrecision || ['die_area_mm2', 'interconnect_bw_gbs', 'memory_bw_gbs', 'market'].includes(field)) notes.push(`${field}: ${note}`);
  }
  const bitNote = bindingPrecision === null ? undefined : UNCERTAIN_BIT_LENGTHS[bindingPrecision];
  if (bitNote !== undefined) notes.push(bitNote);
  return notes;
}
