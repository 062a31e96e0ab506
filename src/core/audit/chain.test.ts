import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { chainHash, GENESIS_HASH, link, verifyEvents, type ChainedEvent } from './chain.ts';

const content = (i: number) => ({ at: `2026-11-27T10:00:0${i % 10}.000Z`, actor: 'alice', action: 'alert.cleared', subject: `alert:${i}`, details: { i, note: 'n' } });

function chainOf(n: number): ChainedEvent[] {
  const out: ChainedEvent[] = [];
  for (let i = 0; i < n; i += 1) out.push(link(out[out.length - 1] ?? null, content(i)));
  return out;
}

describe('canonical JSON', () => {
  it('sorts keys at every depth and leaves no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: null, y: 'é' }], c: true } })).toBe('{"a":{"c":true,"d":[2,{"y":"é","z":null}]},"b":1}');
  });

  it('gives the same text whatever order keys were inserted in, and round-trips through JSON.parse', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const parsed: unknown = JSON.parse(JSON.stringify(value));
      const text = canonicalJson(JSON.parse(JSON.stringify(parsed)));
      expect(canonicalJson(JSON.parse(text))).toBe(text);
    }));
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(TypeError);
  });
});

describe('audit hash chain', () => {
  it('links the first event to the genesis hash and each next one to its predecessor', () => {
    const chain = chainOf(3);
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(chain[0]?.prevHash).toBe(GENESIS_HASH);
    expect(chain[1]?.prevHash).toBe(chain[0]?.hash);
    expect(verifyEvents(chain).broken).toBeNull();
  });

  it('does not depend on the key order of details', () => {
    const a = { seq: 1, ...content(1), details: { x: 1, y: 2 } };
    const b = { seq: 1, ...content(1), details: { y: 2, x: 1 } };
    expect(chainHash(GENESIS_HASH, a)).toBe(chainHash(GENESIS_HASH, b));
  });

  it('finds an edited event, a removed event and a re-linked forgery', () => {
    const chain = chainOf(5);
    const edited = chain.map((e) => (e.seq === 3 ? { ...e, actor: 'mallory' } : e));
    expect(verifyEvents(edited).broken).toMatchObject({ seq: 3, reason: 'content-hash-mismatch' });

    const removed = chain.filter((e) => e.seq !== 2);
    expect(verifyEvents(removed).broken).toMatchObject({ seq: 2, reason: 'sequence-gap' });

    // Recomputing the edited event's own hash does not help: the next link no longer matches.
    const third = chain[2]!;
    const forged = { ...third, actor: 'mallory' };
    const reHashed = { ...forged, hash: chainHash(forged.prevHash, forged) };
    const relinked = chain.map((e) => (e.seq === 3 ? reHashed : e));
    expect(verifyEvents(relinked).broken).toMatchObject({ seq: 4, reason: 'prev-hash-mismatch' });
  });

  it('verifies in pages by carrying the state along', () => {
    const chain = chainOf(6);
    const first = verifyEvents(chain.slice(0, 4));
    expect(verifyEvents(chain.slice(4), first.state).broken).toBeNull();
  });
});
