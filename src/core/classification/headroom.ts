import type { IsoDate } from '../calendar/iso-date.ts';
import { eccn3a090VersionAt } from '../rules/part-774/eccn-3a090.ts';
import { BIT_LENGTH } from '../units/bit-length.ts';
import type { AcceleratorSpec } from './accelerator-spec.ts';
import { formatNumber } from './margin.ts';
import { measure } from './measurements.ts';
import type { ClassificationRuleVersion, Condition, ControlLevel, ParameterParagraph, Quantity } from './rule-model.ts';
import type { Precision } from './types.ts';

/**
 * The design question behind every "China-compliant" part: for this die on this date, how far can
 * the dense rates, TPP and PD go before the item enters 3A090 (or 3A090.a)? All limits are
 * exclusive suprema: the item stays outside while the value is strictly below the limit.
 */
export interface Limit {
  /** Exclusive upper limit; null when nothing in the rule caps it. */
  readonly value: number | null;
  /** The rule text that sets the limit, e.g. "3A090.b.1: TPP >= 2400". */
  readonly binding: string;
}

export interface RateHeadroom {
  readonly precision: Precision;
  readonly bitLength: number;
  readonly currentDenseTops: number | null;
  /** Highest dense rate (exclusive) at this precision that keeps TPP below the TPP limit. */
  readonly maxDenseTops: number | null;
}

export interface HeadroomScope {
  /** "3A090" (any paragraph) or "3A090.a". */
  readonly scope: string;
  /** Highest TPP at this die area (exclusive). When the area is unknown: the limit that holds whatever the area. */
  readonly maxTpp: Limit;
  /** Highest PD at the item's current TPP (exclusive); 0 when the TPP alone already controls it. */
  readonly maxPdAtCurrentTpp: Limit | null;
  /** Highest bidirectional non-memory I/O (GB/s) at the item's current TPP, where a rule version tests I/O (2022). */
  readonly maxIoAtCurrentTpp: Limit | null;
  /** PD at the TPP limit on this die (maxTpp ÷ die area). */
  readonly pdAtMaxTpp: number | null;
  readonly rates: readonly RateHeadroom[];
  readonly currentlyOutside: boolean | null;
  /** maxTpp − current TPP (positive: room left; negative: over the line). */
  readonly tppHeadroom: number | null;
  readonly summary: string;
}

export interface HeadroomResult {
  readonly item: string;
  readonly asOf: IsoDate;
  readonly ruleVersion: string | null;
  readonly datacenter: boolean;
  readonly tpp: number | null;
  readonly performanceDensity: number | null;
  readonly dieAreaMm2: number | null;
  readonly outside3A090: HeadroomScope;
  readonly outside3A090a: HeadroomScope;
  readonly insufficientData: readonly string[];
  readonly notes: readonly string[];
}

interface Interval {
  readonly lo: number;
  readonly hi: number;
  readonly why: string;
}

export function headroom(spec: AcceleratorSpec, asOf: IsoDate, options: { datacenter?: boolean } = {}): HeadroomResult {
  const m = measure(spec);
  const version = eccn3a090VersionAt(asOf);
  const datacenter = options.datacenter ?? spec.market === 'datacenter';
  const area = spec.die_area_mm2 !== null && spec.die_area_mm2 > 0 ? spec.die_area_mm2 : null;
  const insufficient = new Set<string>();
  const notes: string[] = [];
  if (spec.standalone_memory) notes.push('Standalone memory is judged on memory bandwidth density (3A090.c), not on TPP/PD; the limits below are for logic ICs.');

  const scope = (name: string, levels: readonly ControlLevel[] | null): HeadroomScope => {
    const paragraphs = version === null ? [] : version.paragraphs.filter((p) => p.appliesTo === 'logic' && (levels === null || levels.includes(p.level)));
    const blocked: string[] = [];
    const tppIntervals = version === null ? [] : paragraphs.flatMap((p) => tppInterval(p, version, datacenter, area, m.values.io, insufficient, blocked));
    const maxTpp = infimum(tppIntervals, version === null ? `no 3A090 before 2022-10-07` : blocked.length > 0 ? blocked.join('; ') : `no ${name} paragraph can be met on this date`);
    const areaMatters = area === null && paragraphs.some((p) => p.conditions.some((c) => c.quantity === 'pd'));
    if (areaMatters) {
      insufficient.add('die_area_mm2: die area needed for the exact TPP limit (the limit shown holds whatever the area)');
    }
    const current = m.tpp.tpp;
    const onAxis = (axis: 'pd' | 'io'): Limit | null =>
      current === null || version === null || !paragraphs.some((p) => p.conditions.some((c) => c.quantity === axis))
        ? null
        : infimum(paragraphs.flatMap((p) => axisInterval(axis, p, version, datacenter, m.values)), `${axis === 'pd' ? 'PD' : 'I/O'} does not decide ${name} at TPP ${formatNumber(current, 1)}`);
    const maxPd = onAxis('pd');
    const maxIo = onAxis('io');
    const rates: RateHeadroom[] = (Object.keys(BIT_LENGTH) as Precision[]).map((precision) => ({
      precision,
      bitLength: BIT_LENGTH[precision],
      currentDenseTops: spec[precision],
      maxDenseTops: maxTpp.value === null ? null : round(maxTpp.value / BIT_LENGTH[precision], 3),
    }));
    const currentlyOutside = current === null ? null : maxTpp.value === null ? true : area === null && current >= maxTpp.value ? null : current < maxTpp.value;
    // With the area unknown, a TPP above the area-independent limit may still be outside: no headroom figure then.
    const tppHeadroom = current === null || maxTpp.value === null || (areaMatters && current >= maxTpp.value) ? null : round(maxTpp.value - current, 3);
    const parts: string[] = [];
    if (maxTpp.value === null) parts.push(`outside ${name} at any TPP (${maxTpp.binding})`);
    else if (areaMatters) {
      parts.push(`TPP below ${formatNumber(maxTpp.value, 1)} is outside whatever the die area (${maxTpp.binding}); the exact limit needs the die area`);
    } else {
      parts.push(`TPP must stay below ${formatNumber(maxTpp.value, 1)} (${maxTpp.binding})`);
      if (current !== null && tppHeadroom !== null) parts.push(`current TPP ${formatNumber(current, 1)} is ${tppHeadroom > 0 ? `${formatNumber(tppHeadroom, 1)} inside` : `${formatNumber(-tppHeadroom, 1)} over`} the line`);
    }
    if (maxPd !== null && maxPd.value !== null && maxPd.value > 0 && current !== null) {
      parts.push(`at this TPP, PD must stay below ${formatNumber(maxPd.value, 2)}, i.e. a die larger than ${formatNumber(current / maxPd.value, 1)} mm² (${maxPd.binding})`);
    }
    if (maxIo !== null && maxIo.value !== null && maxIo.value > 0) {
      const io = m.values.io;
      parts.push(`at this TPP, I/O must stay below ${formatNumber(maxIo.value, 0)} GB/s (${maxIo.binding})${io === null ? '' : `; current I/O ${formatNumber(io, 0)} GB/s`}`);
    }
    const summary = parts.join('; ');
    return {
      scope: name,
      maxTpp,
      maxPdAtCurrentTpp: maxPd,
      maxIoAtCurrentTpp: maxIo,
      pdAtMaxTpp: maxTpp.value === null || area === null ? null : round(maxTpp.value / area, 4),
      rates,
      currentlyOutside,
      tppHeadroom,
      summary,
    };
  };

  if (m.tpp.tpp === null) insufficient.add('dense rates: at least one dense rate needed to compute the current TPP');
  const all = scope('3A090', null);
  const aOnly = scope('3A090.a', ['a', 'legacy-2022']);
  return {
    item: spec.id,
    asOf,
    ruleVersion: version?.id ?? null,
    datacenter,
    tpp: m.tpp.tpp,
    performanceDensity: m.values.pd === null ? null : round(m.values.pd, 4),
    dieAreaMm2: area,
    outside3A090: all,
    outside3A090a: aOnly,
    insufficientData: [...insufficient],
    notes,
  };
}

/** Where along TPP (die area fixed) a paragraph is met, after the version's exclusions. */
function tppInterval(p: ParameterParagraph, version: ClassificationRuleVersion, datacenter: boolean, area: number | null, io: number | null, insufficient: Set<string>, blocked: string[]): Interval[] {
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  let why = `${p.paragraph}: met at any TPP`;
  for (const c of p.conditions) {
    if (c.quantity === 'tpp') {
      if (c.op === '<') hi = Math.min(hi, c.value);
      else if (c.value > lo) [lo, why] = [c.value, `${p.paragraph}: TPP ${c.op} ${c.value}`];
    } else if (c.quantity === 'pd') {
      // Unknown area: the PD limb is assumed met, which gives the limit that holds for any area.
      if (area === null) continue;
      const t = c.value * area;
      if (c.op === '<') hi = Math.min(hi, t);
      else if (t > lo) [lo, why] = [t, `${p.paragraph}: PD ${c.op} ${c.value} (TPP ${formatNumber(t, 1)} on ${area} mm²)`];
    } else if (c.quantity === 'io') {
      if (io === null) {
        insufficient.add('interconnect_bw_gbs: non-memory I/O rate needed for the 2022 limits');
        continue;
      }
      if (!meets(c.op, io, c.value)) {
        blocked.push(`${p.paragraph}: I/O ${formatNumber(io, 0)} GB/s does not meet I/O ${c.op} ${c.value} GB/s, so no TPP reaches it`);
        return [];
      }
    } else {
      return [];
    }
  }
  for (const exclusion of version.exclusions) {
    if (exclusion.onlyWhenNotDatacenter && datacenter) continue;
    for (const c of exclusion.conditions) {
      if (c.quantity !== 'tpp' || c.op !== '<' || c.value < lo) continue;
      const note = `${exclusion.paragraph}: not designed or marketed for datacenters, excluded below TPP ${c.value}`;
      why = c.value === lo ? `${why}, with ${note}` : note;
      lo = c.value;
    }
  }
  return lo < hi ? [{ lo, hi, why }] : [];
}

/** Where along PD or I/O (every other figure fixed at the item's values) a paragraph is met. */
function axisInterval(axis: 'pd' | 'io', p: ParameterParagraph, version: ClassificationRuleVersion, datacenter: boolean, values: Readonly<Record<Quantity, number | null>>): Interval[] {
  const tpp = values.tpp;
  if (tpp === null) return [];
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  let why = `${p.paragraph}: met at TPP ${formatNumber(tpp, 1)} whatever the ${axis === 'pd' ? 'PD' : 'I/O'}`;
  for (const c of p.conditions) {
    if (c.quantity === axis) {
      if (c.op === '<') hi = Math.min(hi, c.value);
      else if (c.value > lo) [lo, why] = [c.value, `${p.paragraph}: ${axis === 'pd' ? 'PD' : 'I/O'} ${c.op} ${c.value}${axis === 'io' ? ' GB/s' : ''}`];
      continue;
    }
    const value = values[c.quantity];
    if (value === null) continue; // unknown: assumed met, so the limit shown is the safe one
    if (!meets(c.op, value, c.value)) return [];
  }
  for (const exclusion of version.exclusions) {
    if (exclusion.onlyWhenNotDatacenter && datacenter) continue;
    if (exclusion.conditions.every((c) => values[c.quantity] !== null && meets(c.op, values[c.quantity] ?? 0, c.value))) return [];
  }
  return lo < hi ? [{ lo, hi, why }] : [];
}

function meets(op: Condition['op'], value: number, threshold: number): boolean {
  return op === '<' ? value < threshold : op === '>' ? value > threshold : value >= threshold;
}

function infimum(intervals: readonly Interval[], unbounded: string): Limit {
  if (intervals.length === 0) return { value: null, binding: unbounded };
  const first = intervals.reduce((a, b) => (b.lo < a.lo ? b : a));
  return { value: round(first.lo, 9), binding: first.why };
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
