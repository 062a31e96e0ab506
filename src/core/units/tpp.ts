import { PRECISIONS, type Precision } from '../classification/types.ts';
import { BIT_LENGTH } from './bit-length.ts';

/**
 * Datasheet "TOPS"/"TFLOPS" already count one multiply-accumulate as two operations, so
 * TOPS = 2 × MacTOPS. A rate quoted in MacTOPS is doubled once, never twice.
 */
export type RateUnit = 'tops' | 'mactops';

export function toTops(value: number, unit: RateUnit): number {
  return unit === 'mactops' ? value * 2 : value;
}

/** Sparse datasheet figures (2:4 structured sparsity) are twice the dense rate; TPP uses dense. */
export function denseFromSparse(sparseTops: number): number {
  return sparseTops / 2;
}

export interface TppTerm {
  readonly precision: Precision;
  readonly denseTops: number;
  readonly bitLength: number;
  readonly tpp: number;
}

export interface TppResult {
  /** Highest dense rate × bit length over all precisions; null when no rate is known. */
  readonly tpp: number | null;
  readonly binding: Precision | null;
  readonly terms: readonly TppTerm[];
}

/**
 * Total processing performance: 2 × MacTOPS × bit length, i.e. dense TOPS × bit length, taking
 * the highest value over the precisions the IC supports (Technical Note 2 to 3A090.a and .b).
 */
export function totalProcessingPerformance(denseRates: Readonly<Partial<Record<Precision, number | null>>>, unit: RateUnit = 'tops'): TppResult {
  const terms: TppTerm[] = [];
  for (const precision of PRECISIONS) {
    const rate = denseRates[precision];
    if (rate === null || rate === undefined) continue;
    const denseTops = toTops(rate, unit);
    terms.push({ precision, denseTops, bitLength: BIT_LENGTH[precision], tpp: roundTpp(denseTops * BIT_LENGTH[precision]) });
  }
  // Ties go to the narrowest format (e.g. INT8 over TF32 on H20): its bit length is never in doubt.
  let best: TppTerm | null = null;
  for (const term of [...terms].reverse()) if (best === null || term.tpp > best.tpp) best = term;
  return { tpp: best?.tpp ?? null, binding: best?.precision ?? null, terms };
}

/** Removes floating-point noise (588.4 × 8 = 4707.200000000001) without moving any threshold comparison. */
export function roundTpp(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
