/**
 * Performance density = TPP ÷ applicable die area (mm²). The applicable area counts every logic die
 * made on a non-planar (FinFET/GAA) process, caches included; HBM stacks and planar-node dies are out.
 * Returns null when the area is unknown or zero: the caller must say "die area needed", never guess.
 */
export function performanceDensity(tpp: number | null, applicableDieAreaMm2: number | null): number | null {
  if (tpp === null || applicableDieAreaMm2 === null || applicableDieAreaMm2 <= 0) return null;
  return tpp / applicableDieAreaMm2;
}

/** The largest TPP that keeps PD strictly below a limit on a die of the given area. */
export function tppAtDensity(density: number, applicableDieAreaMm2: number): number {
  return density * applicableDieAreaMm2;
}
