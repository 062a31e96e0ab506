import { createHash } from 'node:crypto';
import { canonicalJson, type CanonicalValue } from './canonical-json.ts';

/**
 * The audit trail as a hash chain: each event's hash is SHA-256 over the previous event's hash and the
 * canonical JSON of its own content, so changing, removing or reordering any stored event breaks every
 * link after it. Pure: the caller supplies the instant and the previous hash.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainContent {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly details: { readonly [key: string]: CanonicalValue };
}

export interface ChainedEvent extends ChainContent {
  readonly prevHash: string;
  readonly hash: string;
}

export function contentOf(event: ChainContent): string {
  return canonicalJson({
    seq: event.seq,
    at: event.at,
    actor: event.actor,
    action: event.action,
    subject: event.subject,
    details: event.details,
  });
}

export function chainHash(prevHash: string, content: ChainContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(contentOf(content)).digest('hex');
}

export function link(prev: { readonly seq: number; readonly hash: string } | null, content: Omit<ChainContent, 'seq'>): ChainedEvent {
  const seq = prev === null ? 1 : prev.seq + 1;
  const prevHash = prev === null ? GENESIS_HASH : prev.hash;
  const full = { ...content, seq };
  return { ...full, prevHash, hash: chainHash(prevHash, full) };
}

export type ChainBreak = {
  readonly seq: number;
  readonly reason: 'content-hash-mismatch' | 'prev-hash-mismatch' | 'sequence-gap';
  readonly expected: string;
  readonly found: string;
};

/**
 * Checks events one by one, in order, carrying the previous hash along; returns the first break or null.
 * Feed it the chain in pages: pass the state it returns to the next call.
 */
export interface VerifyState {
  readonly seq: number;
  readonly hash: string;
}

export const START: VerifyState = { seq: 0, hash: GENESIS_HASH };

export function verifyEvents(events: Iterable<ChainedEvent>, from: VerifyState = START): { readonly state: VerifyState; readonly broken: ChainBreak | null } {
  let state = from;
  for (const event of events) {
    if (event.seq !== state.seq + 1) {
      return { state, broken: { seq: state.seq + 1, reason: 'sequence-gap', expected: String(state.seq + 1), found: String(event.seq) } };
    }
    if (event.prevHash !== state.hash) {
      return { state, broken: { seq: event.seq, reason: 'prev-hash-mismatch', expected: state.hash, found: event.prevHash } };
    }
    const recomputed = chainHash(event.prevHash, event);
    if (recomputed !== event.hash) {
      return { state, broken: { seq: event.seq, reason: 'content-hash-mismatch', expected: recomputed, found: event.hash } };
    }
    state = { seq: event.seq, hash: event.hash };
  }
  return { state, broken: null };
}
