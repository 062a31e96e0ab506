/** Bandwidth units. Everything in the engine is GB/s (decimal gigabytes per second). */
export type BandwidthUnit = 'GB/s' | 'TB/s' | 'Gbit/s' | 'MB/s';

export function toGBps(value: number, unit: BandwidthUnit): number {
  switch (unit) {
    case 'GB/s':
      return value;
    case 'TB/s':
      return value * 1000;
    case 'Gbit/s':
      return value / 8;
    case 'MB/s':
      return value / 1000;
  }
}

/** A link quoted per direction counts twice in an aggregate bidirectional rate. */
export function bidirectional(perDirectionGBps: number): number {
  return perDirectionGBps * 2;
}

/**
 * Approximate aggregate bidirectional bandwidth of a PCIe host link parsed from text such as
 * "PCIe 4.0 x16": per-lane GB/s per direction × lanes × 2. Null when the text does not say.
 */
const PCIE_GBPS_PER_LANE_PER_DIRECTION: Readonly<Record<string, number>> = { '3': 0.985, '4': 1.969, '5': 3.938, '6': 7.563 };

export function pcieBidirectionalGBps(hostInterface: string | null): number | null {
  if (hostInterface === null) return null;
  const m = /PCIe\s*(\d)(?:\.\d)?\s*x(\d+)/i.exec(hostInterface);
  if (!m) return null;
  const perLane = PCIE_GBPS_PER_LANE_PER_DIRECTION[m[1] ?? ''];
  if (perLane === undefined) return null;
  return Math.round(bidirectional(perLane * Number(m[2])));
}

/** Memory bandwidth density (3A090.c): memory bandwidth GB/s ÷ package or stack area mm². */
export function memoryBandwidthDensity(memoryBandwidthGBps: number | null, packageAreaMm2: number | null): number | null {
  if (memoryBandwidthGBps === null || packageAreaMm2 === null || packageAreaMm2 <= 0) return null;
  return memoryBandwidthGBps / packageAreaMm2;
}
