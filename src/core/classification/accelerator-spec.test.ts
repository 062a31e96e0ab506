import { describe, expect, it } from 'vitest';
import { parseAcceleratorSpec } from './accelerator-spec.ts';

const good = { id: 'synthetic-1', market: 'datacenter', int8: 296, die_area_mm2: 814, memory_bw_gbs: 4000 };

function issuesOf(json: unknown) {
  const r = parseAcceleratorSpec(json);
  if (r.ok) throw new Error('expected the spec to be rejected');
  return r.error;
}

describe('parseAcceleratorSpec', () => {
  it('accepts a minimal spec and fills blanks with null', () => {
    const r = parseAcceleratorSpec(good);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.int8).toBe(296);
    expect(r.value.fp16).toBeNull();
    expect(r.value.sources).toEqual([]);
    expect(r.value.standalone_memory).toBe(false);
  });

  it('splits a CSV-style sources string', () => {
    const r = parseAcceleratorSpec({ ...good, sources: 'https://a.example | https://b.example' });
    expect(r.ok && r.value.sources).toEqual(['https://a.example', 'https://b.example']);
  });

  it('rejects a negative rate, naming the field', () => {
    const [issue] = issuesOf({ ...good, int8: -1 });
    expect(issue).toMatchObject({ code: 'invalid_input', field: 'int8' });
    expect(issue?.message).toMatch(/negative/);
    expect(issue?.accepted).toMatch(/>= 0/);
  });

  it('rejects NaN and infinity', () => {
    expect(issuesOf({ ...good, fp16: Number.NaN })[0]).toMatchObject({ field: 'fp16' });
    expect(issuesOf({ ...good, die_area_mm2: Number.POSITIVE_INFINITY })[0]).toMatchObject({ field: 'die_area_mm2' });
  });

  it('rejects a number given as a string', () => {
    const [issue] = issuesOf({ ...good, memory_bw_gbs: '4000' });
    expect(issue).toMatchObject({ field: 'memory_bw_gbs' });
    expect(issue?.message).toMatch(/must be a number/);
  });

  it('rejects an unknown precision and lists the known ones', () => {
    const [issue] = issuesOf({ ...good, fp12: 100 });
    expect(issue).toMatchObject({ code: 'invalid_input', field: 'fp12' });
    expect(issue?.message).toMatch(/unknown precision/);
    expect(issue?.accepted).toContain('int8');
  });

  it('rejects an unknown field', () => {
    expect(issuesOf({ ...good, colour: 'green' })[0]).toMatchObject({ field: 'colour' });
  });

  it('rejects a bad market and says what is accepted', () => {
    const [issue] = issuesOf({ ...good, market: 'gaming' });
    expect(issue).toMatchObject({ field: 'market', accepted: 'datacenter | consumer | workstation' });
  });

  it('requires id', () => {
    expect(issuesOf({ int8: 1, market: 'consumer' }).map((i) => i.field)).toEqual(['id']);
  });

  it('assumes a datacenter part when the market is not given, and says so', () => {
    const r = parseAcceleratorSpec({ id: 'x', int8: 1 });
    expect(r.ok && r.value.market).toBe('datacenter');
    expect(r.ok && r.value.estimates['market']).toMatch(/assumed "datacenter"/);
  });

  it('rejects a non-object', () => {
    expect(issuesOf([1, 2])[0]?.message).toMatch(/JSON object/);
    expect(issuesOf(null)[0]?.code).toBe('invalid_input');
  });

  it('reports every problem at once', () => {
    expect(issuesOf({ ...good, int8: -5, fp16: 'x', market: 'home' })).toHaveLength(3);
  });
});
