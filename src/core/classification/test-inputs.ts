import type { AcceleratorSpec } from './accelerator-spec.ts';
import type { Measurements } from './measurements.ts';
import type { ParameterParagraph, Quantity } from './rule-model.ts';

/** The figures a test read, as recorded in its `inputs`. */
export function inputsFor(quantities: readonly Quantity[], values: Readonly<Record<Quantity, number | null>>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const q of new Set(quantities)) {
    const value = values[q];
    out[q] = value === null ? null : round(value, 4);
  }
  return out;
}

/** Inputs of a parameter paragraph, with the raw fields behind derived figures (die area, I/O basis). */
export function paragraphInputs(paragraph: ParameterParagraph, spec: AcceleratorSpec, m: Measurements): Record<string, number | string | boolean | null> {
  const quantities = paragraph.conditions.map((c) => c.quantity);
  const inputs: Record<string, number | string | boolean | null> = inputsFor(quantities, m.values);
  if (quantities.includes('pd')) inputs['die_area_mm2'] = spec.die_area_mm2;
  if (quantities.includes('io')) inputs['io_basis'] = m.ioBasis;
  if (quantities.includes('mbd')) {
    inputs['memory_bw_gbs'] = spec.memory_bw_gbs;
    inputs['package_area_mm2'] = spec.package_area_mm2;
  }
  return inputs;
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
