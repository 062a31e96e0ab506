import type { IsoDate } from '../calendar/iso-date.ts';
import type { AcceleratorSpec } from './accelerator-spec.ts';
import type { Measurements } from './measurements.ts';
import type { ClassificationRuleVersion, Quantity } from './rule-model.ts';
import type { AppliedTest } from './types.ts';

export interface ClassifyOptions {
  /** The ECCN the item would otherwise have (e.g. "5A992" for a mass-market-encryption GPU): gives ".z". */
  readonly hostEccn?: string;
  /** A computer, electronic assembly or component containing the IC: gives 4A090. */
  readonly isSystem?: boolean;
  /** Overrides the market column for the "designed or marketed for use in datacenters" test. */
  readonly datacenter?: boolean;
  /** The exporter is a front-end fabricator or OSAT: Note 1 to 3A090.a presumption applies (from 2025-01-16). */
  readonly exporterRole?: 'front-end-fabricator' | 'osat';
  /** An approved or authorized IC designer has attested TPP/PD below 3A090.a (rebuts Note 1). */
  readonly designerAttestation?: boolean;
  /** A qualifying fabricator/OSAT attestation of the transistor count exists; the count is checked against the bounds. */
  readonly transistorCountAttestation?: boolean;
}

/** What every step of one classification reads, and the explanation the steps add to. */
export interface EvaluationContext {
  readonly spec: AcceleratorSpec;
  readonly asOf: IsoDate;
  readonly options: ClassifyOptions;
  readonly version: ClassificationRuleVersion;
  readonly datacenter: boolean;
  readonly kind: 'logic' | 'memory';
  readonly measurements: Measurements;
  readonly values: Readonly<Record<Quantity, number | null>>;
  readonly tests: AppliedTest[];
  readonly insufficient: Set<string>;
  readonly uncertainties: Set<string>;
}

/** The host ECCN as given, normalised; null when none. */
export function hostEccnOf(options: ClassifyOptions): string | null {
  const host = options.hostEccn?.trim().toUpperCase();
  return host === undefined || host === '' ? null : host;
}
