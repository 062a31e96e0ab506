import type { Quantity } from './rule-model.ts';

/** What to supply when a quantity cannot be computed: the field name first, then why. */
const MISSING: Readonly<Record<Quantity, string>> = {
  tpp: 'dense rates: at least one dense rate (fp64, fp32, tf32, fp16, bf16, fp8, fp6, int8, fp4, int4) needed to compute TPP',
  pd: 'die_area_mm2: die area needed to compute performance density',
  io: 'interconnect_bw_gbs: bidirectional non-memory I/O rate needed for the 2022 test',
  mbd: 'memory_bw_gbs and package_area_mm2: needed to compute memory bandwidth density (3A090.c)',
  dram: 'memory_bw_gbs: total DRAM bandwidth needed for the 2026 policy band',
  tops: 'dense rates: at least one dense rate needed for the TOPS test',
};

/** Names the datum to supply; a PD is only "missing a die area" when the TPP itself is known. */
export function addMissing(into: Set<string>, quantity: Quantity, values: Readonly<Record<Quantity, number | null>>): void {
  into.add(MISSING[quantity === 'pd' && values.tpp === null ? 'tpp' : quantity]);
}
