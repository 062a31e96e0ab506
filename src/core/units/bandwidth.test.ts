import { describe, expect, it } from 'vitest';
import { bidirectional, memoryBandwidthDensity, pcieBidirectionalGBps, toGBps } from './bandwidth.ts';
import { performanceDensity, tppAtDensity } from './performance-density.ts';

describe('bandwidth units', () => {
  it('converts to GB/s', () => {
    expect(toGBps(4.8, 'TB/s')).toBe(4800);
    expect(toGBps(800, 'Gbit/s')).toBe(100);
    expect(toGBps(1500, 'MB/s')).toBe(1.5);
    expect(bidirectional(300)).toBe(600);
  });

  it('estimates a PCIe host link from its generation and width', () => {
    expect(pcieBidirectionalGBps('PCIe 4.0 x16')).toBe(63);
    expect(pcieBidirectionalGBps('PCIe 5.0 x16 (128 GB/s)')).toBe(126);
    expect(pcieBidirectionalGBps('NVLink')).toBeNull();
    expect(pcieBidirectionalGBps(null)).toBeNull();
  });

  it('computes memory bandwidth density only with both figures', () => {
    expect(memoryBandwidthDensity(1200, 110)).toBeCloseTo(10.909, 3);
    expect(memoryBandwidthDensity(1200, null)).toBeNull();
    expect(memoryBandwidthDensity(null, 110)).toBeNull();
  });
});

describe('performance density', () => {
  it('is TPP ÷ applicable die area (H20: 2368 / 814 = 2.91)', () => {
    expect(performanceDensity(2368, 814)).toBeCloseTo(2.909, 3);
    expect(tppAtDensity(3.2, 609)).toBeCloseTo(1948.8, 6);
  });

  it('is unknown, never guessed, without a die area', () => {
    expect(performanceDensity(2368, null)).toBeNull();
    expect(performanceDensity(2368, 0)).toBeNull();
    expect(performanceDensity(null, 814)).toBeNull();
  });
});
