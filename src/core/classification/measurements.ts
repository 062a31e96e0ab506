import { pcieBidirectionalGBps, memoryBandwidthDensity } from '../units/bandwidth.ts';
import { performanceDensity } from '../units/performance-density.ts';
import { totalProcessingPerformance, type TppResult } from '../units/tpp.ts';
import type { AcceleratorSpec } from './accelerator-spec.ts';
import type { Quantity } from './rule-model.ts';
import type { Precision } from './types.ts';
import { PRECISIONS } from './types.ts';

/** The figures every rule test reads, computed once per spec. */
export interface Measurements {
  readonly tpp: TppResult;
  readonly values: Readonly<Record<Quantity, number | null>>;
  /** How the I/O figure for the 2022 test was obtained. */
  readonly ioBasis: string;
}

export function denseRates(spec: AcceleratorSpec): Partial<Record<Precision, number | null>> {
  const rates: Partial<Record<Precision, number | null>> = {};
  for (const p of PRECISIONS) rates[p] = spec[p];
  return rates;
}

export function measure(spec: AcceleratorSpec): Measurements {
  const tpp = totalProcessingPerformance(denseRates(spec));
  const io = ioRate(spec);
  return {
    tpp,
    values: {
      tpp: tpp.tpp,
      pd: withoutFloatNoise(performanceDensity(tpp.tpp, spec.die_area_mm2)),
      io: io.value,
      mbd: memoryBandwidthDensity(spec.memory_bw_gbs, spec.package_area_mm2),
      dram: spec.memory_bw_gbs,
      tops: tpp.terms.length === 0 ? null : Math.max(...tpp.terms.map((t) => t.denseTops)),
    },
    ioBasis: io.basis,
  };
}

/**
 * Bidirectional non-memory I/O for the 2022 test. The chip-to-chip link column is the figure; when
 * no link is listed at all, the host PCIe link is the only non-memory I/O, estimated from its
 * generation and width. A listed link without a rate is missing data, never zero.
 */
function ioRate(spec: AcceleratorSpec): { value: number | null; basis: string } {
  if (spec.interconnect_bw_gbs !== null) {
    return { value: spec.interconnect_bw_gbs, basis: `interconnect_bw_gbs (${spec.interconnect_type ?? 'chip-to-chip link'}, aggregate bidirectional)` };
  }
  if (spec.interconnect_type === null) {
    const pcie = pcieBidirectionalGBps(spec.host_interface);
    if (pcie !== null) return { value: pcie, basis: `no chip-to-chip link listed; host link only (${spec.host_interface ?? ''}, ≈${pcie} GB/s bidirectional)` };
    return { value: null, basis: 'no chip-to-chip link rate and no parseable host interface' };
  }
  return { value: null, basis: `a chip-to-chip link is listed (${spec.interconnect_type}) but its rate is blank` };
}

/** 2083.2 / 651 is 3.1999999999999997 in binary floating point; the rule means 3.2. */
function withoutFloatNoise(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1e9) / 1e9;
}
