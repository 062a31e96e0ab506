import { describe, expect, it } from 'vitest';
import { smallestNodeNm } from './process-node.ts';

describe('smallestNodeNm', () => {
  it('reads the node names the catalog uses', () => {
    expect(smallestNodeNm('TSMC 4N')).toBe(4);
    expect(smallestNodeNm('TSMC 4NP')).toBe(4);
    expect(smallestNodeNm('TSMC N3P (XCD) + N6 (IOD)')).toBe(3);
    expect(smallestNodeNm('TSMC 7nm (N7)')).toBe(7);
    expect(smallestNodeNm('Samsung 8nm')).toBe(8);
    expect(smallestNodeNm('TSMC 12nm FFN')).toBe(12);
    expect(smallestNodeNm('SMIC 7nm-class (N+1/N+2)')).toBe(7);
    expect(smallestNodeNm('28 nm planar')).toBe(28);
  });

  it('is null when no node is named', () => {
    expect(smallestNodeNm(null)).toBeNull();
    expect(smallestNodeNm('unknown')).toBeNull();
  });
});
