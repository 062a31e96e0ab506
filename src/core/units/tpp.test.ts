import { describe, expect, it } from 'vitest';
import { multiplyBitLength } from './bit-length.ts';
import { denseFromSparse, toTops, totalProcessingPerformance } from './tpp.ts';

describe('total processing performance', () => {
  it('takes the highest dense rate × bit length over precisions (A100: every path gives 4992)', () => {
    const r = totalProcessingPerformance({ tf32: 156, fp16: 312, bf16: 312, int8: 624, int4: 1248 });
    expect(r.tpp).toBe(4992);
    expect(r.terms.map((t) => t.tpp)).toEqual([4992, 4992, 4992, 4992, 4992]);
  });

  it('picks the binding precision when one path is higher (H100 SXM: FP8 1978.9 × 8)', () => {
    const r = totalProcessingPerformance({ fp64: 66.9, fp16: 989.4, fp8: 1978.9 });
    expect(r.tpp).toBe(15831.2);
    expect(r.binding).toBe('fp8');
  });

  it('counts FP6 at 6 bits, where it can beat FP4 × 4 and FP8 × 8 (MI350X-like)', () => {
    const r = totalProcessingPerformance({ fp8: 4600, fp6: 9200, fp4: 9200 });
    expect(r.tpp).toBe(55200);
    expect(r.binding).toBe('fp6');
  });

  it('breaks ties towards the narrower format (INT8 over TF32 on the H20)', () => {
    expect(totalProcessingPerformance({ tf32: 74, int8: 296 }).binding).toBe('int8');
  });

  it('returns null without any rate, and ignores null cells', () => {
    expect(totalProcessingPerformance({}).tpp).toBeNull();
    expect(totalProcessingPerformance({ fp16: null, int8: 100 }).tpp).toBe(800);
  });

  it('doubles MacTOPS exactly once (300 MacTOPS at INT8 = 600 TOPS = TPP 4800)', () => {
    expect(toTops(300, 'mactops')).toBe(600);
    expect(toTops(600, 'tops')).toBe(600);
    expect(totalProcessingPerformance({ int8: 300 }, 'mactops').tpp).toBe(4800);
    expect(totalProcessingPerformance({ int8: 600 }, 'tops').tpp).toBe(4800);
  });

  it('excludes sparsity: a 2:4 sparse datasheet figure is halved (L4 FP8 485 sparse → 242.5 dense)', () => {
    expect(denseFromSparse(485)).toBe(242.5);
    expect(totalProcessingPerformance({ fp8: denseFromSparse(485) }).tpp).toBe(1940);
  });

  it('uses the widest multiply input for mixed precision (FP16 × FP8 counts as 16-bit)', () => {
    expect(multiplyBitLength('fp16', 'fp8')).toBe(16);
    expect(multiplyBitLength('int4', 'int8')).toBe(8);
  });
});
