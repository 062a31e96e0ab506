import type { IsoDate } from '../calendar/iso-date.ts';
import { foundryPresumptionAt } from '../rules/part-774/eccn-3a090-note-1-foundry-presumption.ts';
import { smallestNodeNm } from '../units/process-node.ts';
import type { AcceleratorSpec } from './accelerator-spec.ts';
import type { ClassifyOptions } from './evaluation-context.ts';
import type { ParameterOutcome } from './parameter-outcome.ts';
import type { AppliedTest } from './types.ts';

export interface PresumptionResult {
  /** True: the item is presumed 3A090.a and datacenter, whatever its parameters. */
  readonly stands: boolean;
  readonly test: AppliedTest;
  readonly uncertain: readonly string[];
}

/** Note 1 to 3A090.a, for front-end fabricators and OSATs only; null for every other exporter. */
export function foundryPresumption(spec: AcceleratorSpec, asOf: IsoDate, options: ClassifyOptions): PresumptionResult | null {
  const role = options.exporterRole;
  if (role === undefined) return null;
  const rule = foundryPresumptionAt(asOf);
  if (rule === null) return null;
  const node = smallestNodeNm(spec.process_node);
  const hbm = /HBM/i.test(spec.memory_type ?? '');
  const year = Number(asOf.slice(0, 4));
  const bound = Math.max(
    0,
    ...rule.transistorLimits.filter((l) => l.fromYear <= year && (l.toYear === null || year <= l.toYear) && (!l.requiresNoHbm || !hbm)).map((l) => l.belowBillion),
  );
  let stands = true;
  let why: string;
  if (spec.standalone_memory) [stands, why] = [false, 'not a logic IC'];
  else if (node !== null && node > rule.applicableNodeNmAtOrBelow) [stands, why] = [false, `node ${node} nm is above ${rule.applicableNodeNmAtOrBelow} nm: not an applicable advanced logic IC`];
  else if (options.designerAttestation === true) [stands, why] = [false, 'rebutted by an approved or authorized IC designer attestation of TPP/PD below 3A090.a'];
  else if (options.transistorCountAttestation === true && spec.transistors_b !== null && spec.transistors_b < bound) {
    [stands, why] = [false, `rebutted by a transistor-count attestation: ${spec.transistors_b} billion is below ${bound} billion${hbm ? '' : ' (no HBM)'}`];
  } else {
    const count =
      options.transistorCountAttestation !== true
        ? 'no attestation'
        : spec.transistors_b === null
          ? 'transistor count unknown, so it cannot be confirmed'
          : `${spec.transistors_b} billion is not below ${bound} billion`;
    why = `${node === null ? 'node not stated, presumed applicable' : `node ${node} nm`}; ${count}: presumed 3A090.a and designed for datacenters`;
  }
  return {
    stands,
    test: {
      id: 'note-1-foundry-presumption',
      paragraph: 'Note 1 to 3A090.a',
      description: rule.text,
      inputs: {
        exporterRole: role,
        process_node: spec.process_node,
        node_nm: node,
        designerAttestation: options.designerAttestation === true,
        transistorCountAttestation: options.transistorCountAttestation === true,
        transistors_b: spec.transistors_b,
        hbm,
      },
      threshold: `node <= ${rule.applicableNodeNmAtOrBelow} nm (or non-planar), no designer attestation, transistor count not attested below ${bound} billion`,
      passed: stands,
      margin: why,
      citation: rule.citation,
    },
    uncertain: rule.uncertain,
  };
}

/** The outcome when the presumption stands and the parameters alone do not already give 3A090.a. */
export function presumedOutcome(presumption: PresumptionResult): ParameterOutcome {
  const citation = presumption.test.citation;
  return {
    status: 'controlled',
    matched: {
      paragraph: { paragraph: '3A090.a', eccn: '3A090.a', level: 'a', appliesTo: 'logic', conditions: [], text: 'Presumed under Note 1 to 3A090.a.', citation },
      outcome: { met: true, outcomes: [], margin: presumption.test.margin, binding: [] },
    },
    controlLevel: 'a',
    summary: `3A090.a presumed under Note 1 to 3A090.a (${presumption.test.margin ?? ''})`,
    bindingMargins: [`Note 1 to 3A090.a: ${presumption.test.margin ?? ''}`],
    possible: [],
  };
}
