import { createHash } from 'node:crypto';
import { canonicalJson, type CanonicalValue } from './canonical-json.ts';

/**
 * A content fingerprint: SHA-256 of the canonical JSON. Two list entries with the same content have the
 * same fingerprint whatever their key order, so re-screening can tell "entry changed" from "entry re-published".
 */
export function fingerprint(value: CanonicalValue): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
