import type { Precision } from '../classification/types.ts';

/**
 * Bit length used for TPP: the widest input to the multiply (Technical Note 2 to 3A090.a and .b).
 * TF32 has 19 significant bits but is fed from 32-bit registers; 32 is the conservative reading
 * (see UNCERTAIN_BIT_LENGTHS). Mixed-input operations such as FP16×FP8 count at the wider input.
 */
export const BIT_LENGTH: Readonly<Record<Precision, number>> = {
  fp64: 64,
  fp32: 32,
  tf32: 32,
  fp16: 16,
  bf16: 16,
  fp8: 8,
  fp6: 6,
  int8: 8,
  fp4: 4,
  int4: 4,
};

/** Bit lengths whose reading the rule text does not settle; kept as data so they can be corrected. */
export const UNCERTAIN_BIT_LENGTHS: Readonly<Partial<Record<Precision, string>>> = {
  tf32: 'The rule does not name TF32. 32 (storage width) is used; 19 (significant bits) would only lower the TF32 term. It binds only where a rounded TF32 figure edges past the FP16/INT8 term (L20: 59.8 × 32 = 1913.6 against 1912).',
};

/** Bit length of a mixed-width multiply: the widest of its inputs. */
export function multiplyBitLength(...inputs: readonly Precision[]): number {
  return Math.max(...inputs.map((p) => BIT_LENGTH[p]));
}
